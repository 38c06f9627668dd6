"""The Dask path against the in-process path on the whole ECB+ corpus: same report? how long?

    python benchmarks/dask_check.py                         # local cluster, 2 worker processes
    python benchmarks/dask_check.py --scheduler tcp://host:8786
    python benchmarks/dask_check.py --grouped               # each ECB+ story is a group

Runs :func:`quotecheck.check` in this process and :func:`quotecheck.dask.check` on a
Dask cluster over the 982 ECB+ documents, prints both times, the counts of clusters
and findings, and whether the two reports are equal (field for field, and as JSON).
Without ``--grouped`` every document is compared with every other, as a user
who gives no groups gets; with it, each story (the outlets reporting one event) is a
group of its own.
"""
from __future__ import annotations

import argparse
import json
import time

import attrs

import corpus

import quotecheck
import quotecheck.dask as qd


def main(argv=None) -> None:
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--scheduler", help="address of a running Dask scheduler (default: a local cluster)")
    p.add_argument("--workers", type=int, default=2, help="worker processes of the local cluster")
    p.add_argument("--npartitions", type=int)
    p.add_argument("--grouped", action="store_true", help="give each ECB+ story its own group")
    args = p.parse_args(argv)
    from distributed import Client, LocalCluster

    records = [{"id": d, "text": t, "group": c if args.grouped else None} for d, t, c in corpus.ecbplus()]
    print(f"# quotecheck.dask.check vs quotecheck.check, ECB+ ({len(records)} documents, "
          f"{'grouped by story' if args.grouped else 'no groups'})\n{corpus.machine()}\n")
    t0 = time.perf_counter()
    local = quotecheck.check(records)
    t_local = time.perf_counter() - t0

    if args.scheduler:
        client, cluster = Client(args.scheduler), None
    else:
        cluster = LocalCluster(n_workers=args.workers, threads_per_worker=1, processes=True,
                               dashboard_address=":0", silence_logs=40)
        client = Client(cluster)
    try:
        client.run(lambda: __import__("quotecheck").extract("warm-up"))  # imports on the workers
        t0 = time.perf_counter()
        remote = qd.check(records, npartitions=args.npartitions)
        t_dask = time.perf_counter() - t0
    finally:
        client.close()
        if cluster is not None:
            cluster.close()

    as_json = lambda r: json.dumps(attrs.asdict(r), sort_keys=True, ensure_ascii=False, default=repr)  # noqa: E731
    print("| path | seconds | documents | clusters | findings |")
    print("| --- | ---: | ---: | ---: | ---: |")
    for name, rep, secs in (("in-process check", local, t_local), ("dask check", remote, t_dask)):
        print(f"| {name} | {secs:.2f} | {len(rep.documents)} | {len(rep.clusters)} | {len(rep.findings)} |")
    print(f"\nreports equal: {remote == local}; JSON identical: {as_json(remote) == as_json(local)}")


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Writes PII-dense plain text for bench/detect: the labelled-corpus generator
(bench/pii-eval/make_corpus.py) run with other seeds, so values differ from the corpus and from
one another (phones, e-mails, IBANs, cards, addresses, birth dates, and the traps around them).

    python3 bench/detect/make_dense.py OUT_DIR [--seeds N]    # OUT_DIR/dense.txt, ~30 KB per seed
"""
import importlib.util
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    out = Path(sys.argv[1])
    seeds = int(sys.argv[sys.argv.index("--seeds") + 1]) if "--seeds" in sys.argv else 20
    spec = importlib.util.spec_from_file_location("make_corpus", HERE.parent / "pii-eval" / "make_corpus.py")
    mc = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mc)
    lines = []
    for seed in range(1, seeds + 1):
        mc.rng.seed("dense-%d" % seed)
        lines += [row["text"] for row in mc.build() if seed == 1 or row["kind"] != "hand"]
    out.mkdir(parents=True, exist_ok=True)
    text = "\n".join(lines) + "\n"
    (out / "dense.txt").write_text(text, encoding="utf-8")
    print("%s: %d lines, %d bytes" % (out / "dense.txt", len(lines), len(text.encode("utf-8"))))


if __name__ == "__main__":
    main()

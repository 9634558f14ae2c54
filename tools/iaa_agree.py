"""Inter-annotator agreement: blind second annotation vs the existing realdev/check gold.

Two matchings per entity type, both with fazhi.evaluate's name keys (width, quotes, brackets,
whitespace normalised; agencies/regions also by lowest division):
  eval      - the blind canonical name is a 'prediction' scored exactly as `fazhi eval` scores one
              against the existing gold (canonical + surface forms).
  symmetric - two entities agree when any name (canonical or surface) of one shares a key with any
              name of the other; P = blind entities agreeing / blind, R = existing agreeing / existing.
Metadata: fazhi.evaluate.same_value per field (agency/region qualified).
Usage: python3 agree.py BLIND_DIR GOLD_DIR [-v]
"""
import json
import sys
from pathlib import Path

from fazhi.evaluate import ENTITY_TYPES, QUALIFIED_TYPES, _keys, same_value

FIELDS = ("title", "agency", "region", "year", "doc_type", "doc_number", "date")


def keyset(entity, qualified):
    return set().union(*(_keys(n, qualified) for n in entity))


def prf(p_num, p_den, r_num, r_den):
    p = p_num / p_den if p_den else 1.0
    r = r_num / r_den if r_den else 1.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def main():
    blind_dir, gold_dir = Path(sys.argv[1]), Path(sys.argv[2])
    verbose = "-v" in sys.argv
    ev = {k: [0, 0, 0, 0] for k in ENTITY_TYPES}   # correct_pred, pred, found, gold
    sy = {k: [0, 0, 0, 0] for k in ENTITY_TYPES}   # blind agreeing, blind, gold agreeing, gold
    meta = {f: 0 for f in FIELDS}
    n = 0
    lines = []
    for bpath in sorted(blind_dir.glob("*.json")):
        gpath = gold_dir / bpath.name
        b, g = json.loads(bpath.read_text()), json.loads(gpath.read_text())
        n += 1
        for f in FIELDS:
            bv, gv = b["report"].get(f), g["report"].get(f)
            if same_value(gv, bv, qualified=f in ("agency", "region")):
                meta[f] += 1
            else:
                lines.append(f"{bpath.stem} META {f}: blind={bv!r} existing={gv!r}")
        for k in ENTITY_TYPES:
            q = k in QUALIFIED_TYPES
            gold = g.get(k, [])
            blind = b.get(k, [])
            gkeys = [keyset(e, q) for e in gold]
            matched = [False] * len(gold)
            for e in blind:
                keys = _keys(e[0], q)
                hit = next((i for i, gk in enumerate(gkeys) if keys & gk), None)
                if hit is not None:
                    ev[k][0] += 1
                    matched[hit] = True
            ev[k][1] += len(blind)
            ev[k][2] += sum(matched)
            ev[k][3] += len(gold)
            bkeys = [keyset(e, q) for e in blind]
            b_ok = [any(bk & gk for gk in gkeys) for bk in bkeys]
            g_ok = [any(gk & bk for bk in bkeys) for gk in gkeys]
            sy[k][0] += sum(b_ok)
            sy[k][1] += len(blind)
            sy[k][2] += sum(g_ok)
            sy[k][3] += len(gold)
            for e, ok in zip(blind, b_ok, strict=True):
                if not ok:
                    lines.append(f"{bpath.stem} {k} BLIND-ONLY: {e[0]}  {e[1:]}")
            for e, ok in zip(gold, g_ok, strict=True):
                if not ok:
                    lines.append(f"{bpath.stem} {k} EXISTING-ONLY: {e[0]}  {e[1:]}")
    print(f"{n} reports")
    print("metadata agreement: " + ", ".join(f"{f} {meta[f]}/{n}" for f in FIELDS))
    print(f"{'type':10} {'eval P':>7} {'R':>6} {'F1':>6}   {'sym P':>6} {'R':>6} {'F1':>6}   blind existing")
    for k in ENTITY_TYPES:
        p, r, f = prf(ev[k][0], ev[k][1], ev[k][2], ev[k][3])
        sp, sr, sf = prf(sy[k][0], sy[k][1], sy[k][2], sy[k][3])
        print(f"{k:10} {p:7.3f} {r:6.3f} {f:6.3f}   {sp:6.3f} {sr:6.3f} {sf:6.3f}   {ev[k][1]:5} {ev[k][3]:8}")
    if verbose:
        print("\n".join(lines))


if __name__ == "__main__":
    main()

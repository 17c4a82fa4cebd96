"""Reference values for `agreement --data FILE.csv`, computed by the libraries the figures must
equal: NLTK's AnnotationTask.alpha (with the matching distance functions), scikit-learn's
cohen_kappa_score and statsmodels' fleiss_kappa.

usage: reliability_reference.py FILE.csv [FILE.csv ...]
prints one JSON object {FILE: {key: value}} with the keys of `agreement --json`.

The table is read by the rules of the CLI: header unit,<coder>,...; an empty cell is not coded;
a|b is a set and {} the empty set (when any cell is a set, every value is one); when every value
is a number the values are numbers, otherwise categories.
"""

import csv
import json
import re
import sys

import numpy as np
from nltk.metrics.agreement import AnnotationTask
from nltk.metrics.distance import binary_distance, interval_distance, jaccard_distance
from sklearn.metrics import cohen_kappa_score
from statsmodels.stats.inter_rater import aggregate_raters, fleiss_kappa

NUMBER = re.compile(r"^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$")


def read_table(path):
    with open(path, newline="", encoding="utf-8-sig") as f:
        rows = [[c.strip() for c in row] for row in csv.reader(f) if any(c.strip() for c in row)]
    coders = rows[0][1:]
    cells = [c for row in rows[1:] for c in row[1:] if c != ""]
    sets = any(c == "{}" or "|" in c for c in cells)
    numbers = not sets and all(NUMBER.match(c) for c in cells)

    def value(cell):
        if cell == "":
            return None
        if sets:
            return frozenset() if cell == "{}" else frozenset(p.strip() for p in cell.split("|") if p.strip())
        return float(cell) if numbers else cell

    units = [(row[0], [value(c) for c in row[1:]]) for row in rows[1:]]
    kind = "sets" if sets else "numbers" if numbers else "categories"
    return coders, units, kind


def pairable_counts(units):
    counts = {}
    for _, values in units:
        coded = [v for v in values if v is not None]
        if len(coded) >= 2:
            for v in coded:
                counts[v] = counts.get(v, 0) + 1
    return counts


def ordinal_distance(counts):
    ranked = sorted(counts)

    def distance(a, b):
        lo, hi = min(a, b), max(a, b)
        between = sum(counts[g] for g in ranked if lo <= g <= hi)
        return (between - (counts[a] + counts[b]) / 2) ** 2

    return distance


def ratio_distance(a, b):
    return 0.0 if a + b == 0 else ((a - b) / (a + b)) ** 2


def exact_jaccard(a, b):
    return 0.0 if not a and not b else jaccard_distance(a, b)


def exact_masi(a, b):
    """Passonneau (2006) exactly: NLTK's masi_distance rounds 2/3 and 1/3 to .67 and .33."""
    union = len(a | b)
    if union == 0:
        return 0.0
    common = len(a & b)
    if common == len(a) == len(b):
        m = 1.0
    elif common == min(len(a), len(b)):
        m = 2 / 3
    elif common > 0:
        m = 1 / 3
    else:
        m = 0.0
    return 1 - common / union * m


def nltk_alpha(coders, units, distance):
    counts = pairable_counts(units)
    if not counts:
        return None  # nothing pairable
    # NLTK returns 1 when only one value occurs; that is undefined, not perfect agreement.
    distinct = list(counts)
    if all(distance(a, b) == 0 for a in distinct for b in distinct):
        return None
    triples = [
        (coder, unit, v)
        for unit, values in units
        for coder, v in zip(coders, values)
        if v is not None
    ]
    return AnnotationTask(data=triples, distance=distance).alpha()


def category(v):
    return "|".join(sorted(v)) if isinstance(v, frozenset) else repr(v)


def reference(path):
    coders, units, kind = read_table(path)
    out = {"alpha_nominal": nltk_alpha(coders, units, binary_distance)}
    if kind == "numbers":
        out["alpha_ordinal"] = nltk_alpha(coders, units, ordinal_distance(pairable_counts(units)))
        out["alpha_interval"] = nltk_alpha(coders, units, interval_distance)
        negative = any(v < 0 for _, vs in units for v in vs if v is not None)
        out["alpha_ratio"] = None if negative else nltk_alpha(coders, units, ratio_distance)
    if kind == "sets":
        out["alpha_jaccard"] = nltk_alpha(coders, units, exact_jaccard)
        out["alpha_masi"] = nltk_alpha(coders, units, exact_masi)
    complete = all(v is not None for _, vs in units for v in vs)
    if complete and len(coders) == 2:
        first = [category(vs[0]) for _, vs in units]
        second = [category(vs[1]) for _, vs in units]
        k = cohen_kappa_score(first, second) if len(set(first) | set(second)) > 1 else float("nan")
        out["cohen_kappa"] = None if np.isnan(k) else float(k)
    if complete:
        labels = sorted({category(v) for _, vs in units for v in vs})
        table, _ = aggregate_raters(
            np.array([[labels.index(category(v)) for v in vs] for _, vs in units])
        )
        with np.errstate(invalid="ignore", divide="ignore"):
            k = fleiss_kappa(table, method="fleiss") if len(coders) >= 2 else float("nan")
        out["fleiss_kappa"] = None if np.isnan(k) or np.isinf(k) else float(k)
    pairs = agreeing = 0
    for _, values in units:
        coded = [v for v in values if v is not None]
        for i in range(len(coded)):
            for j in range(i + 1, len(coded)):
                pairs += 1
                agreeing += coded[i] == coded[j]
    out["percent_agreement"] = agreeing / pairs if pairs else None
    if complete and pairs:
        # NLTK's pairwise average agreement equals the pooled share on complete data.
        triples = [(c, u, category(v)) for u, vs in units for c, v in zip(coders, vs)]
        out["nltk_avg_ao"] = AnnotationTask(data=triples).avg_Ao()
    out["units"] = len(units)
    out["coders"] = len(coders)
    out["pairable"] = sum(pairable_counts(units).values())
    return out


if __name__ == "__main__":
    print(json.dumps({path: reference(path) for path in sys.argv[1:]}))

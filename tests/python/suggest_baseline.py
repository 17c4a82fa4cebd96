#!/usr/bin/python3
"""scikit-learn baselines for the learned suggestions (issue 14).

Trains on one JSONL file ({"text", "label"} per line) and evaluates on another, the way the issue
states them: TF-IDF over word 1-2-grams and character 2-5-grams (sublinear tf), then
  - LogisticRegression(solver="liblinear", class_weight="balanced"), C by 3-fold CV over 0.5-64;
  - MultinomialNB, alpha by 3-fold CV.
Prints one JSON object: per model macro_f1, accuracy, train_s (vectorising, the CV search and the
final fit) and predict_s. Single-label data only (the baselines the issue names are single-label).

usage: suggest_baseline.py TRAIN.jsonl TEST.jsonl
"""
import json
import sys
import time

from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import accuracy_score, f1_score
from sklearn.model_selection import GridSearchCV, StratifiedKFold
from sklearn.naive_bayes import MultinomialNB
from sklearn.pipeline import FeatureUnion, Pipeline


def read(path):
    texts, labels = [], []
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.strip():
                row = json.loads(line)
                texts.append(row["text"])
                labels.append(row["label"])
    return texts, labels


def features():
    return FeatureUnion(
        [
            ("word", TfidfVectorizer(analyzer="word", ngram_range=(1, 2), sublinear_tf=True)),
            ("char", TfidfVectorizer(analyzer="char", ngram_range=(2, 5), sublinear_tf=True)),
        ]
    )


def run(name, estimator, grid, train, test):
    x_train, y_train = train
    x_test, y_test = test
    cv = StratifiedKFold(n_splits=3)
    search = GridSearchCV(
        Pipeline([("features", features()), ("model", estimator)]),
        grid,
        cv=cv,
        scoring="f1_macro",
        n_jobs=1,
    )
    start = time.perf_counter()
    search.fit(x_train, y_train)
    train_s = time.perf_counter() - start
    start = time.perf_counter()
    predicted = search.predict(x_test)
    predict_s = time.perf_counter() - start
    return name, {
        "macro_f1": f1_score(y_test, predicted, average="macro"),
        "accuracy": accuracy_score(y_test, predicted),
        "train_s": train_s,
        "predict_s": predict_s,
        "best": search.best_params_,
    }


def main(argv):
    if len(argv) != 3:
        sys.stderr.write(__doc__)
        return 2
    train, test = read(argv[1]), read(argv[2])
    results = dict(
        [
            run(
                "logistic_regression",
                LogisticRegression(solver="liblinear", class_weight="balanced"),
                {"model__C": [0.5, 1, 2, 4, 8, 16, 32, 64]},
                train,
                test,
            ),
            run(
                "naive_bayes",
                MultinomialNB(),
                {"model__alpha": [0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1.0]},
                train,
                test,
            ),
        ]
    )
    results["best_macro_f1"] = max(r["macro_f1"] for r in results.values())
    print(json.dumps(results))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))

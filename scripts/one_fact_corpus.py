#!/usr/bin/env python3
"""A corpus where one fact is stated by many articles: N claim files, each
one claim about the date of one election, six date expressions said on 28
days (docs/performance.md, "One fact with many claims"). With `toll`, each
claim is instead a different death toll of one siege, five articles a day:
every claim reads differently.

    python3 scripts/one_fact_corpus.py 5000 /tmp/one-fact-5000
    python3 scripts/one_fact_corpus.py 5000 /tmp/toll-5000 toll
    cd /tmp/one-fact-5000 && crosscheck check --format json > /dev/null
"""
import datetime
import os
import sys

n, out = int(sys.argv[1]), sys.argv[2]
toll = sys.argv[3:] == ["toll"]
if os.path.exists(out):
    sys.exit(f"{out} exists; give a new folder")
os.makedirs(f"{out}/claims")
os.makedirs(f"{out}/articles")
if toll:
    with open(f"{out}/claims/entities.yaml", "w") as f:
        f.write("entities:\n  - name: Siege of Aleppo\n    kind: event\n")
    for i in range(n):
        said, deaths, sid = datetime.date(2015, 1, 1) + datetime.timedelta(days=i // 5), 1000 + 7 * i, f"s{i:06d}"
        quote = f"the death toll has risen to {deaths:,} people"
        with open(f"{out}/articles/{sid}.txt", "w") as f:
            f.write(f"Officials said that {quote}, according to local groups.\n")
        with open(f"{out}/claims/{sid}.yaml", "w") as f:
            f.write(
                f"source:\n  id: {sid}\n  outlet: Outlet {i % 40}\n  published: {said}\n"
                f"  article: {sid}.txt\nclaims:\n  - id: toll\n    subject: Siege of Aleppo\n"
                f"    property: death_toll\n    value: '{deaths:,}'\n    quote: {quote}\n"
            )
    sys.exit(0)
with open(f"{out}/claims/entities.yaml", "w") as f:
    f.write("entities:\n  - name: General election 2030\n    kind: event\n")
values = ["12 May 2030", "19 May 2030", "May 2030", "mid-May 2030", "2030-05-12", "late May 2030"]
for i in range(n):
    value, day, sid = values[i % 6], 1 + i % 28, f"s{i:05d}"
    with open(f"{out}/articles/{sid}.txt", "w") as f:
        f.write(f"Outlet {i} reports. The general election will be held on {value}, officials said.\n")
    with open(f"{out}/claims/{sid}.yaml", "w") as f:
        f.write(
            f"source:\n  id: {sid}\n  outlet: Outlet {i % 50}\n  published: 2030-01-{day:02d}\n"
            f"  article: {sid}.txt\nclaims:\n  - id: date\n    subject: General election 2030\n"
            f"    property: date\n    value: '{value}'\n"
            f"    quote: the general election will be held on {value}\n"
        )

"""Table 1 rows of the yes/no baseline characteristics of the label-export fixtures
(test/fixtures/exports/redcap-labels, spss-labels-da), computed from the raw files with this
script's own reading and recoding: per arm the patients with a value (n), those with yes
(events), those without a value (missing) and 100 * events / n. One value per patient: the
baseline row. Run from the repository root: python3 test/reference/table-one-binary.py
Writes test/reference/table-one-binary.json."""
import csv, json

FIXTURES = {
    'redcap-labels': {
        'sep': ',', 'id': 'Record ID', 'arm': 'Randomization', 'time': 'Event Name', 'baseline': 'Baseline',
        'arms': {'intervention': 'Exercise program', 'control': 'Waiting list'},
        # column -> (yes values, no values); anything else (here: empty) is missing
        'yesno': {'Smoker': ({'Yes'}, {'No'}), 'Employed': ({'True'}, {'False'})},
    },
    'spss-labels-da': {
        'sep': ';', 'id': 'Løbenr', 'arm': 'Gruppe', 'time': 'Tidspunkt', 'baseline': 'Baseline',
        'arms': {'intervention': 'Træningsprogram', 'control': 'Venteliste'},
        # Diabetes: value labels 1 = Ja, 2 = Nej, 9 = unknown; Ryger "Ved ikke" = unknown
        'yesno': {'Ryger': ({'Ja'}, {'Nej'}), 'Diabetes': ({'1'}, {'2'}), 'Motion': ({'1'}, {'0'})},
    },
}

out = {}
for name, f in FIXTURES.items():
    with open(f'test/fixtures/exports/{name}/export.csv', encoding='utf-8-sig', newline='') as fh:
        rows = list(csv.DictReader(fh, delimiter=f['sep']))
    base = [r for r in rows if r[f['time']] == f['baseline']]
    arm_of = {v: k for k, v in f['arms'].items()}
    res = {'randomised': {a: len({r[f['id']] for r in rows if r[f['arm']] == v}) for a, v in f['arms'].items()}, 'rows': {}}
    for col, (yes, no) in f['yesno'].items():
        per = {}
        for arm in ('intervention', 'control'):
            vals = [r[col].strip() for r in base if arm_of[r[f['arm']]] == arm]
            events = sum(v in yes for v in vals)
            n = sum(v in yes or v in no for v in vals)
            per[arm] = {'events': events, 'n': n, 'missing': len(vals) - n, 'percent': 100 * events / n}
        res['rows'][col] = per
    out[name] = res

with open('test/reference/table-one-binary.json', 'w', encoding='utf-8') as fh:
    json.dump(out, fh, ensure_ascii=False, indent=2)
    fh.write('\n')

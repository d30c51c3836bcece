"""Write the twentieth batch's case pairs (`cases/*.yaml`, `cases/cases.jsonl`).

    .venv/bin/python evals/policies/synthetic20/cases20.py

Each pair is one `-meets` case (every criterion of the branch documented in clinical words)
and its `-fails-one` twin, which differs only in the history lines named in `fails`.
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE.parent / "synthetic")]

from pair_cases import write_pairs  # noqa: E402

REL = "evals/policies/synthetic20"
SPLIT = "synthetic20-pairs"
SOURCE = "synthetic pair written for the twentieth synthetic holdout policy batch"

PAIRS: list[dict] = []


def pair(**kw: object) -> None:
    PAIRS.append(kw)


# 1-2. NCD decision memo, enzyme replacement therapy for Pompe disease ------------------
NCD = dict(
    pdf="synth20-ncd-pompe",
    payer="National Health Coverage Administration",
    policy="NHCA NCD 110.31 Enzyme Replacement Therapy for Pompe Disease (Transmittal 241)",
)
pair(
    id="ncd-iopd-pompe",
    **NCD,
    indication="Infantile-onset Pompe disease (enzyme replacement therapy)",
    branch="initial",
    question="Does enzyme replacement therapy with alglucosidase alfa meet NCD 110.31 for a "
    "6-month-old girl with infantile-onset Pompe disease?",
    age=0,
    sex="female",
    diagnoses=[
        ("Pompe disease (infantile-onset)", "E74.02"),
        ("Other hypertrophic cardiomyopathy", "I42.2"),
    ],
    drug=dict(
        drug="Lumizyme (alglucosidase alfa) 50 mg vial",
        dose="20 mg/kg (150 mg at 7.4 kg)",
        route="intravenous infusion",
        frequency="every 2 weeks",
        duration="12 months",
        request_type="initial",
    ),
    history=[
        "Seen at 4 months of age (10/2026) for poor feeding, floppiness and a large tongue; "
        "echocardiogram 10/21/2026 showed severe hypertrophic cardiomyopathy.",
        "GAA enzyme activity in blood leukocytes 10/28/2026: 0.9 nmol/h/mg protein, in the "
        "affected range (normal above 12); creatine kinase 890 U/L.",
        "GAA gene sequencing 11/09/2026: c.2560C>T on one allele and c.1935C>A on the other; "
        "CRIM assay on skin fibroblasts 11/12/2026: CRIM-positive, so no immune tolerance "
        "induction is needed.",
        "Care directed by Dr. Amara Okonkwo, biochemical genetics, at the Westbrook "
        "Children's Hospital lysosomal disease clinic; infusions in the hospital infusion "
        "unit with anaphylaxis medicines and a resuscitation team on hand.",
        "Weight 7.4 kg; alglucosidase alfa 20 mg/kg every 2 weeks ordered. No other enzyme "
        "product; symptomatic infant, not a newborn-screening finding without symptoms.",
    ],
    fails={
        2: "GAA gene sequencing sent 11/09/2026, result pending. CRIM status has not been "
        "tested: no CRIM assay was sent and no genotype is available, and immune tolerance "
        "induction has not been discussed."
    },
    missed="CRIM status known from a CRIM assay or the genotype: not tested, genotype pending",
    failed=["the cross-reactive immunologic material (CRIM) status is known from a CRIM assay"],
    prior=[],
)
pair(
    id="ncd-lopd-pompe",
    **NCD,
    indication="Late-onset Pompe disease (enzyme replacement therapy)",
    branch="initial",
    question="Does enzyme replacement therapy with avalglucosidase alfa meet NCD 110.31 for a "
    "41-year-old man with late-onset Pompe disease?",
    age=41,
    sex="male",
    diagnoses=[("Pompe disease (late-onset)", "E74.02")],
    drug=dict(
        drug="Nexviazyme (avalglucosidase alfa-ngpt) 100 mg vial",
        dose="20 mg/kg (1,640 mg at 82 kg)",
        route="intravenous infusion",
        frequency="every 2 weeks",
        duration="12 months",
        request_type="initial",
    ),
    history=[
        "Neuromuscular clinic 10/27/2026 (Dr. Tomas Lindgren, neuromuscular medicine): 3 "
        "years of trouble climbing stairs and rising from a chair, and morning headaches; no "
        "heart problem in infancy or since; echocardiogram normal 09/2026.",
        "Leukocyte GAA activity 08/2026: deficient (3% of the normal mean); GAA sequencing: "
        "c.-32-13T>G and c.525del on separate alleles.",
        "Manual muscle testing 10/27/2026: hip flexion and hip abduction 4/5 on both sides, "
        "shoulder abduction 4+/5; distal strength normal.",
        "Pulmonary function 10/14/2026: upright FVC 72% of predicted, supine FVC 67% of "
        "predicted (a 7% fall). Creatine kinase 168 U/L (normal up to 200); urinary Hex4 "
        "normal.",
        "Baseline 6-minute walk test 10/27/2026: 402 m; first infusion planned for 12/2026.",
        "Weight 82 kg; avalglucosidase alfa 20 mg/kg every 2 weeks prescribed by Dr. "
        "Lindgren. No other enzyme product and no gene therapy trial.",
    ],
    fails={
        2: "Manual muscle testing 10/27/2026: 5/5 in the hip and shoulder girdles and "
        "distally; the difficulty shows only on timed stair climbing."
    },
    missed="at least two signs of active disease: only the upright FVC (72%) is abnormal; "
    "strength normal on manual testing, supine fall 7%, CK and Hex4 normal",
    failed=["weakness of the hip or shoulder girdle muscles on manual muscle testing"],
    prior=[],
)
# 3-4. Mainframe printout, tafenoquine -----------------------------------------------------
PRT = dict(
    pdf="synth20-printout-tafenoquine",
    payer="Northgate Cooperative Health Plan",
    policy="Northgate PBM410R formulary exception criteria listing, tafenoquine",
)
pair(
    id="printout-vivax-tafenoquine",
    **PRT,
    indication="Radical cure of Plasmodium vivax malaria (tafenoquine)",
    branch="initial",
    question="Does tafenoquine (Krintafel) meet criteria set TQ-01 for a 29-year-old woman "
    "with Plasmodium vivax malaria?",
    age=29,
    sex="female",
    diagnoses=[("Plasmodium vivax malaria without complication", "B51.9")],
    drug=dict(
        drug="Krintafel (tafenoquine) 150 mg tablet",
        dose="300 mg (2 tablets)",
        route="oral",
        frequency="once, with food",
        duration="single dose",
        request_type="initial",
    ),
    history=[
        "Emergency department 11/16/2026: fever and rigors 3 weeks after returning from 4 "
        "months of fieldwork in Papua New Guinea; thick and thin smears read as Plasmodium "
        "vivax, parasitemia 0.3%; HRP2 rapid test negative for P. falciparum.",
        "Chloroquine started 11/16/2026 (1,000 mg, then 500 mg at 6, 24 and 48 hours); the "
        "tafenoquine dose is to be taken with food on 11/17/2026 with that day's chloroquine.",
        "Quantitative G6PD 11/16/2026: 8.6 U/g Hb, 94% of the laboratory's normal median.",
        "Urine pregnancy test 11/16/2026 negative; not breastfeeding.",
        "No history of psychosis or other psychiatric illness; takes no other medicines.",
    ],
    fails={
        3: "No pregnancy test has been done; last menstrual period 6 weeks ago; she is "
        "sexually active and uses no contraception; not breastfeeding."
    },
    missed="pregnancy excluded by a negative test in the 7 days before the dose, or unable to "
    "become pregnant: no test done and she can become pregnant",
    failed=[
        "NEGATIVE URINE OR SERUM PREGNANCY TEST IN THE 7 DAYS BEFORE THE",
        "PATIENT CANNOT BECOME PREGNANT (MALE, POSTMENOPAUSAL OR STERILIZED)",
    ],
    prior=[("Chloroquine", "started 11/16/2026 for the blood stage, fever settling")],
)
pair(
    id="printout-travel-tafenoquine",
    **PRT,
    indication="Malaria prophylaxis for travel (tafenoquine)",
    branch="initial",
    question="Does tafenoquine (Arakoda) meet criteria set TQ-02 for malaria prevention in a "
    "52-year-old man travelling for work?",
    age=52,
    sex="male",
    diagnoses=[
        ("Encounter for other specified prophylactic measures (malaria prophylaxis)", "Z29.8")
    ],
    drug=dict(
        drug="Arakoda (tafenoquine) 100 mg tablet",
        dose="200 mg (2 tablets) daily for "
        "3 days before travel, 200 mg weekly while away, 200 mg once in the week after "
        "return",
        route="oral",
        frequency="weekly after the loading days",
        duration="12 weeks",
        request_type="initial",
    ),
    history=[
        "Travel clinic 11/20/2026 (Dr. Helen Marsh): water engineer booked on a 10-week "
        "assignment in rural Niassa province, Mozambique, flying out 01/11/2027 and returning "
        "03/22/2027; itinerary attached to the request.",
        "Quantitative G6PD 11/20/2026: 10.2 U/g Hb, 104% of normal.",
        "Atovaquone-proguanil on a 2025 trip caused mouth ulcers and diarrhea; doxycycline "
        "gave a sunburn-type rash in 2023.",
        "No personal or family history of psychosis; no depression; no other medicines.",
        "Quantity requested: 28 tablets (6 for loading, 20 for 10 weekly doses, 2 for the "
        "dose after return).",
    ],
    fails={
        0: "Travel clinic 11/20/2026 (Dr. Helen Marsh): water engineer who may be sent "
        "abroad for work next year; no trip is booked and no destination or dates are "
        "given; he wants tablets to keep on hand."
    },
    missed="travel to an area with malaria transmission booked, with destination and dates: "
    "no trip booked",
    failed=["TRAVEL TO AN AREA WITH MALARIA TRANSMISSION IS BOOKED, WITH THE DESTINATION"],
    prior=[
        ("Atovaquone-proguanil", "mouth ulcers and diarrhea (2025)"),
        ("Doxycycline", "photosensitive rash (2023)"),
    ],
)
# 5-6. Decision tables, droxidopa ---------------------------------------------------------
DTB = dict(
    pdf="synth20-dectable-droxidopa",
    payer="Cedar Basin Health Alliance",
    policy="Cedar Basin pharmacy decision tables DT-DROX version 3, droxidopa",
)
pair(
    id="dectable-noh-droxidopa",
    **DTB,
    indication="Symptomatic neurogenic orthostatic hypotension in adults (droxidopa)",
    branch="initial",
    question="Does droxidopa meet decision table DT-DROX-01 for a 68-year-old man with "
    "Parkinson disease and orthostatic hypotension?",
    age=68,
    sex="male",
    diagnoses=[
        ("Parkinson's disease without dyskinesia", "G20.A1"),
        ("Orthostatic hypotension", "I95.1"),
    ],
    drug=dict(
        drug="Droxidopa 100 mg capsule",
        dose="100 mg, titrated up to 300 mg",
        route="oral",
        frequency="three times daily (on rising, midday, late afternoon)",
        duration="3 months",
        request_type="initial",
    ),
    history=[
        "Movement disorders clinic 11/05/2026 (Dr. Priya Raman, neurology): Parkinson disease "
        "for 9 years; lightheaded and nearly faints within a minute of standing, two falls in "
        "10/2026, cannot stand long enough to shave or cook.",
        "Orthostatic vitals 11/05/2026: lying 142/84, after 3 minutes standing 106/70 (fall "
        "36/14 mm Hg), heart rate rising only from 68 to 72.",
        "Midodrine 10 mg three times daily from 07/2026 to 09/2026 (10 weeks): still dizzy on "
        "standing, with scalp tingling and urinary retention; stopped.",
        "Tamsulosin stopped 06/2026; drinks 2 litres a day with extra salt, wears waist-high "
        "compression stockings and sleeps with the head of the bed raised; still symptomatic.",
        "No diabetes (HbA1c 5.4%), no heart failure; supine blood pressure before treatment "
        "142/84; outpatient.",
    ],
    fails={
        1: "Orthostatic vitals 11/05/2026: lying 134/80, after 3 minutes standing 126/76 "
        "(fall 8/4 mm Hg); no tilt-table test has been done."
    },
    missed="orthostatic fall of at least 20 systolic or 10 diastolic within 3 minutes: fall "
    "8/4 mm Hg",
    failed=["Within 3 minutes of standing or head-up tilt, did systolic pressure fall"],
    prior=[("Midodrine", "not enough benefit; scalp tingling and urinary retention")],
)
pair(
    id="dectable-noh-droxidopa-renewal",
    **DTB,
    indication="Symptomatic neurogenic orthostatic hypotension in adults (droxidopa)",
    branch="continuation",
    question="Does droxidopa meet renewal table DT-DROX-02 for a 61-year-old woman with "
    "multiple system atrophy?",
    age=61,
    sex="female",
    diagnoses=[
        (
            "Multi-system degeneration of the autonomic nervous system (multiple system atrophy)",
            "G90.3",
        ),
        ("Orthostatic hypotension", "I95.1"),
    ],
    drug=dict(
        drug="Droxidopa 200 mg capsule",
        dose="200 mg",
        route="oral",
        frequency="three times daily",
        duration="6 months",
        request_type="continuation",
    ),
    history=[
        "Multiple system atrophy (parkinsonian type) diagnosed 2024; droxidopa approved by the "
        "plan 08/2026 under DT-DROX-01 after midodrine failed; 200 mg three times daily since "
        "08/20/2026.",
        "Neurology follow-up 11/10/2026 (Dr. Samuel Adeyemi): much less dizziness on standing "
        "(Orthostatic Hypotension Questionnaire dizziness item down from 8 to 3), no faints "
        "since starting; standing systolic pressure 102 mm Hg against 84 before droxidopa, "
        "both checked mid-morning.",
        "Supine blood pressure 11/10/2026 with the head of the bed raised 30 degrees: 148/86 "
        "mm Hg.",
        "Takes the last dose at 3 pm; no headaches or palpitations; no new blood-pressure-"
        "lowering medicines.",
    ],
    fails={
        1: "Neurology follow-up 11/10/2026 (Dr. Samuel Adeyemi): dizziness on standing is "
        "no better (Orthostatic Hypotension Questionnaire dizziness item 8 before and now), "
        "two faints in 10/2026; standing systolic pressure 86 mm Hg against 84 before "
        "droxidopa, both checked mid-morning."
    },
    missed="less dizziness on standing, or standing systolic pressure at least 10 mm Hg "
    "higher than before: neither (no symptom change, standing systolic 86 against 84)",
    failed=[
        "Does the prescriber's note record less dizziness, lightheadedness or fainting on",
        "Is the standing systolic pressure at least 10 mm Hg higher than",
    ],
    prior=[("Midodrine", "ineffective (2026)")],
)
# 7-8. Contract exhibit, avacopan -----------------------------------------------------------
EXH = dict(
    pdf="synth20-exhibit-avacopan",
    payer="Lakeshore Employers' Health Trust",
    policy="Exhibit C Specialty Drug Coverage Terms to Pharmacy Benefit Services "
    "Agreement PBSA-2024-017",
)
pair(
    id="exhibit-mpa-avacopan",
    **EXH,
    indication="Severe active ANCA-associated vasculitis, GPA or MPA (avacopan)",
    branch="initial",
    question="Does avacopan meet Section 4.2 of Exhibit C for a 63-year-old woman with "
    "microscopic polyangiitis and kidney involvement?",
    age=63,
    sex="female",
    diagnoses=[
        ("Microscopic polyangiitis", "M31.7"),
        (
            "Rapidly progressive nephritic syndrome with diffuse crescentic glomerulonephritis",
            "N01.7",
        ),
    ],
    drug=dict(
        drug="Tavneos (avacopan) 10 mg capsule",
        dose="30 mg (3 capsules)",
        route="oral",
        frequency="twice daily with food",
        duration="6 months",
        request_type="initial",
    ),
    history=[
        "Admitted 10/18/2026 with fatigue, cough and blood in the urine; creatinine 2.3 mg/dL "
        "(0.9 in 06/2026); urine 3+ blood with red cell casts, protein 1.8 g/g.",
        "MPO-ANCA 96 U/mL (positive), PR3-ANCA negative; kidney biopsy 10/22/2026: "
        "pauci-immune necrotizing crescentic glomerulonephritis.",
        "Rituximab 375 mg/m2 weekly for 4 doses started 10/27/2026 with a prednisone taper; "
        "avacopan to start 11/03/2026 with the second rituximab dose.",
        "ALT 22, AST 25, alkaline phosphatase 88 U/L, bilirubin 0.6 mg/dL on 10/26/2026; "
        "hepatitis B surface antigen and core antibody negative 10/26/2026.",
        "Prescriber Dr. Lena Voss, board-certified rheumatologist, with nephrology "
        "co-management; no rifampin, carbamazepine, phenytoin or St John's wort; no active "
        "infection (cultures and chest CT clear); not in a clinical trial; no asthma or "
        "eosinophilia.",
    ],
    fails={
        2: "Induction with mycophenolate mofetil 1.5 g twice daily and a prednisone taper "
        "started 10/27/2026; she declined rituximab and cyclophosphamide; avacopan to start "
        "11/03/2026."
    },
    missed="avacopan with Standard Induction Therapy (rituximab or cyclophosphamide): "
    "mycophenolate induction only",
    failed=["avacopan is prescribed in combination with Standard Induction Therapy"],
    prior=[],
)
pair(
    id="exhibit-gpa-avacopan-renewal",
    **EXH,
    indication="Severe active ANCA-associated vasculitis, GPA or MPA (avacopan)",
    branch="continuation",
    question="Does avacopan meet Section 4.3 of Exhibit C (continued authorization) for a "
    "58-year-old man with granulomatosis with polyangiitis?",
    age=58,
    sex="male",
    diagnoses=[("Granulomatosis with polyangiitis with renal involvement", "M31.31")],
    drug=dict(
        drug="Tavneos (avacopan) 10 mg capsule",
        dose="30 mg (3 capsules)",
        route="oral",
        frequency="twice daily with food",
        duration="6 months",
        request_type="continuation",
    ),
    history=[
        "GPA with PR3-ANCA and glomerulonephritis diagnosed 05/2026; avacopan 30 mg twice "
        "daily with rituximab induction since 05/20/2026, approved for 6 months (ends "
        "11/19/2026).",
        "BVAS 14 when avacopan started; BVAS 0 on 08/12/2026 and again on 11/04/2026; urine "
        "sediment clear, creatinine stable at 1.3 mg/dL.",
        "Rheumatology visit 11/04/2026 (Dr. Marcus Feld, board-certified rheumatologist): "
        "requests the renewal and continues to see him every 3 months.",
        "Liver tests (ALT, AST, alkaline phosphatase, bilirubin) every 4 weeks from 05/2026 to "
        "11/2026: highest ALT 41 U/L (upper limit 45); AST, alkaline phosphatase and bilirubin "
        "normal throughout.",
        "Dose unchanged at 30 mg twice daily; no CYP3A4 inducers; hepatitis B negative; not in "
        "a trial.",
    ],
    fails={
        2: "Rheumatology discharged him to primary care 09/2026; the renewal is requested "
        "by his family physician, Dr. Carol Binks, and no rheumatologist or nephrologist "
        "has seen him since."
    },
    missed="the conditions of Section 4.2(f) (a Qualified Specialist prescribes) continue to "
    "be met: family physician only",
    failed=["the conditions of Section 4.2(f) continue to be met"],
    prior=[("Avacopan with rituximab induction", "remission (BVAS 0) by month 3")],
)
# 9-10. Billing and coding guide, leuprolide -----------------------------------------------
BCG = dict(
    pdf="synth20-billing-leuprolide",
    payer="Bayfront Health Plans",
    policy="Bayfront Provider Billing and Coding Guide BCG-RX-117, leuprolide",
)
pair(
    id="billing-cpp-leuprolide-renewal",
    **BCG,
    indication="Central precocious puberty (leuprolide)",
    branch="continuation",
    question="Does leuprolide meet the guide's continued coverage for central precocious "
    "puberty in a 7-year-old girl?",
    age=7,
    sex="female",
    diagnoses=[("Other hyperfunction of pituitary gland (central precocious puberty)", "E22.8")],
    drug=dict(
        drug="Lupron Depot-PED (leuprolide acetate) 11.25 mg 3-month kit, J1950 x 3 units",
        dose="11.25 mg",
        route="intramuscular",
        frequency="every 3 months",
        duration="12 months",
        request_type="continuation",
    ),
    history=[
        "Central precocious puberty diagnosed 04/2026 at 6 years 10 months: breast "
        "development from 6 years 4 months, peak LH 8.1 IU/L after leuprolide stimulation, "
        "bone age 9 years, brain MRI normal; Lupron Depot-PED 11.25 mg every 3 months since "
        "05/05/2026.",
        "Pediatric endocrinology 11/09/2026 (Dr. Nadia Kowalski): breasts Tanner 2, down from "
        "Tanner 3 at the start; no pubic hair progression; growth velocity 5.8 cm/year, down "
        "from 9.6.",
        "LH 1.3 IU/L 45 minutes after the 11/09/2026 injection (suppressed).",
        "Age now 7 years 5 months; the plan is to stop treatment at about 10 to 11 years.",
    ],
    fails={
        2: "LH 7.9 IU/L 45 minutes after the 11/09/2026 injection (not suppressed); the "
        "endocrinologist is considering a shorter dosing interval."
    },
    missed="LH suppressed below 4 IU/L 30 to 60 minutes after a dose: 7.9 IU/L",
    failed=["LH is suppressed, below 4 IU/L 30 to 60 minutes after a"],
    prior=[("Lupron Depot-PED 11.25 mg every 3 months", "puberty regressed, growth slowed")],
)
pair(
    id="billing-prostate-leuprolide",
    **BCG,
    indication="Advanced prostate cancer (leuprolide)",
    branch="initial",
    question="Does leuprolide (Eligard 45 mg every 6 months) meet the guide's coverage for "
    "prostate cancer in a 71-year-old man?",
    age=71,
    sex="male",
    diagnoses=[
        ("Malignant neoplasm of prostate", "C61"),
        ("Rising PSA following treatment for malignant neoplasm of prostate", "R97.21"),
    ],
    drug=dict(
        drug="Eligard (leuprolide acetate) 45 mg 6-month kit, J9217 x 6 units",
        dose="45 mg",
        route="subcutaneous",
        frequency="every 6 months",
        duration="12 months",
        request_type="initial",
    ),
    history=[
        "Needle biopsy 01/2021 and radical prostatectomy 03/2021: adenocarcinoma of the "
        "prostate, Gleason 4+3 (Grade Group 3), margins negative.",
        "PSA after the prostatectomy: undetectable until 2025, then 0.3 ng/mL 03/2026, 0.6 "
        "ng/mL 07/2026 and 1.1 ng/mL 10/21/2026 (rising).",
        "CT and bone scan 10/2026: no metastatic disease; no radiation therapy is planned.",
        "Urology visit 10/28/2026 (Dr. Henrik Solberg, urologist) prescribes Eligard 45 mg "
        "every 6 months; serum testosterone 398 ng/dL on 10/21/2026, drawn with the PSA.",
        "Billed as J9217 x 6 units every 6 months; no degarelix, relugolix or other GnRH drug.",
    ],
    fails={
        1: "PSA after the prostatectomy: below 0.1 ng/mL (undetectable) on every check, "
        "most recently 10/21/2026."
    },
    missed="one of metastatic disease, rising PSA after prostatectomy or radiation, or "
    "radiation for localized disease: none (PSA undetectable, no metastases, no radiation)",
    failed=[
        "metastatic disease on CT, bone scan or PSMA PET",
        "PSA rising after prostatectomy or radiation therapy (biochemical recurrence)",
        "leuprolide is given with external beam radiation for intermediate- or high-risk",
    ],
    prior=[("Radical prostatectomy (2021)", "margins negative")],
)


def main() -> None:
    write_pairs(PAIRS, HERE, REL, SPLIT, SOURCE, "twentieth")


if __name__ == "__main__":
    main()

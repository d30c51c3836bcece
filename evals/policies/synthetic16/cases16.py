"""Write the sixteenth batch's case pairs (`cases/*.yaml`, `cases/cases.jsonl`).

    .venv/bin/python evals/policies/synthetic16/cases16.py

Each pair is one `-meets` case (every criterion of the branch documented in clinical words)
and its `-fails-one` twin, which differs only in the history lines named in `fails`.
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE.parent / "synthetic")]

from pair_cases import write_pairs  # noqa: E402

REL = "evals/policies/synthetic16"
SPLIT = "synthetic16-pairs"
SOURCE = "synthetic pair written for the sixteenth synthetic holdout policy batch"

PAIRS: list[dict] = []


def pair(**kw: object) -> None:
    PAIRS.append(kw)


# 1-2. Certificate of medical necessity, Parkinson disease ---------------------------------
pair(
    id="cmn-parkinson-foslevodopa", pdf="synth16-cmn-parkinson",
    payer="Tidewater Senior Health", policy="Tidewater CMN TSH-CMN-22",
    indication="Advanced Parkinson disease with motor fluctuations (foscarbidopa/foslevodopa "
    "infusion)", branch="initial",
    question="Does a first certification of Vyalev continuous subcutaneous infusion meet "
    "questions 1-6 of certificate TSH-CMN-22 for a 71-year-old man with Parkinson disease?",
    age=71, sex="male",
    diagnoses=[("Parkinson disease with dyskinesia, with fluctuations", "G20.B2")],
    drug=dict(drug="Vyalev (foscarbidopa/foslevodopa) 12 mg/240 mg per mL infusion",
              dose="0.36 mL/hour continuous (titrated)", route="subcutaneous infusion by pump",
              frequency="continuous, 24 hours a day", duration="6 months",
              request_type="initial"),
    history=[
        "Movement disorders clinic 11/18/2026 (Dr. Priya Raman, movement disorder "
        "neurologist): Parkinson disease diagnosed 2015 by neurology; marked benefit from "
        "levodopa at diagnosis and in a levodopa challenge (UPDRS III 42 off, 18 on).",
        "Current oral regimen: carbidopa/levodopa 25/100 two tablets five times daily "
        "(levodopa 1,000 mg/day) plus entacapone 200 mg with each dose and pramipexole ER "
        "1.5 mg daily; dose timing adjusted twice in 2026 without benefit.",
        "Three-day home diary 11/08-11/10/2026: average 4.1 hours a day of off time, with "
        "peak-dose dyskinesia.",
        "Infusion nurse training 11/20/2026: patient set up the pump, changed the cannula and "
        "checked the site without help; signed off as competent.",
        "MoCA 26/30; no hallucinations or psychosis; no dementia diagnosis.",
        "No MAO inhibitor in the last year; no other infusion therapy requested.",
    ],
    fails={2: "Three-day home diary 11/08-11/10/2026: average 1.5 hours a day of off time, "
           "mostly early morning before the first dose; good on time the rest of the day."},
    missed="three-day diary shows at least 2.5 hours a day of off time: diary averages 1.5 "
    "hours a day",
    failed=["Does a 3-day home diary show at least 2.5 hours a day"],
    prior=[("Carbidopa/levodopa with entacapone and pramipexole", "continuing, motor "
            "fluctuations persist")],
)
pair(
    id="cmn-parkinson-apomorphine", pdf="synth16-cmn-parkinson",
    payer="Tidewater Senior Health", policy="Tidewater CMN TSH-CMN-22",
    indication="Parkinson disease with motor fluctuations (apomorphine infusion)",
    branch="initial",
    question="Does a first certification of Onapgo apomorphine infusion meet questions 10-14 "
    "of certificate TSH-CMN-22 for a 66-year-old woman with Parkinson disease?",
    age=66, sex="female",
    diagnoses=[("Parkinson disease without dyskinesia, with fluctuations", "G20.A2")],
    drug=dict(drug="Onapgo (apomorphine hydrochloride) 98 mg/20 mL cartridge",
              dose="up to 6 mg/hour during waking hours", route="subcutaneous infusion by pump",
              frequency="continuous, about 16 waking hours a day", duration="6 months",
              request_type="initial"),
    history=[
        "Neurology visit 11/12/2026 (Dr. Marcus Bell, neurologist): Parkinson disease since "
        "2017 with wearing-off before each dose and sudden off periods.",
        "Carbidopa/levodopa 25/100 every 3 hours while awake plus rasagiline 1 mg daily since "
        "2022 and opicapone 50 mg at bedtime since 02/2026; off periods still several times a "
        "day.",
        "Date of birth 06/1960 (age 66).",
        "Plan: first infusion day in the neurology infusion suite 12/10/2026 with lying and "
        "standing blood pressure every 30 minutes, nurse present.",
        "Medication list reviewed 11/12/2026: no ondansetron or any other antiemetic of that "
        "class; no antiemetic is prescribed.",
        "No psychosis; no syncope history; no features of atypical parkinsonism on exam.",
    ],
    fails={4: "Medication list reviewed 11/12/2026: ondansetron 4 mg twice daily, prescribed "
           "by her gastroenterologist in 09/2026 for nausea, still being taken; no plan to "
           "stop it."},
    missed="free of any 5-HT3 antagonist: takes ondansetron 4 mg twice daily, no plan to stop",
    failed=["Is the patient free of any 5-HT3 antagonist such as ondansetron, granisetron"],
    prior=[("Carbidopa/levodopa with rasagiline and opicapone", "continuing, frequent off "
            "periods")],
)
# 3-4. Reimbursement recommendation digest ----------------------------------------------
pair(
    id="digest-hcm-mavacamten", pdf="synth16-digest-hta",
    payer="Northern Lakes Public Drug Program",
    policy="Northern Lakes reimbursement digest 2026-01, mavacamten",
    indication="Obstructive hypertrophic cardiomyopathy (mavacamten)", branch="initial",
    question="Does mavacamten meet the initiation conditions in the Northern Lakes digest for "
    "a 54-year-old man with obstructive hypertrophic cardiomyopathy?",
    age=54, sex="male",
    diagnoses=[("Obstructive hypertrophic cardiomyopathy", "I42.1")],
    drug=dict(drug="Camzyos (mavacamten) 5 mg capsule", dose="5 mg", route="oral",
              frequency="once daily", duration="6 months", request_type="initial"),
    history=[
        "HCM clinic 11/16/2026 (Dr. Elena Morozova, cardiologist, hypertrophic cardiomyopathy "
        "program): breathless climbing one flight of stairs, comfortable at rest (NYHA "
        "class II to III).",
        "Echocardiogram 11/02/2026: septal thickness 21 mm, ejection fraction 68%, resting "
        "LVOT gradient 38 mmHg rising to 86 mmHg with Valsalva.",
        "Metoprolol succinate raised to 200 mg daily in 05/2026 (higher doses caused "
        "fatigue and heart rate in the 40s); symptoms unchanged since.",
        "Not taking disopyramide; no other myosin inhibitor.",
    ],
    fails={1: "Echocardiogram 11/02/2026: septal thickness 21 mm, ejection fraction 52%, "
           "resting LVOT gradient 38 mmHg rising to 86 mmHg with Valsalva."},
    missed="ejection fraction 55% or more at baseline: 52% on the 11/02/2026 echocardiogram",
    failed=["left ventricular ejection fraction of 55% or more on the baseline "
            "echocardiogram"],
    prior=[("Metoprolol succinate 200 mg daily (highest tolerated)", "symptoms persist")],
)
pair(
    id="digest-achondroplasia-vosoritide-renewal", pdf="synth16-digest-hta",
    payer="Northern Lakes Public Drug Program",
    policy="Northern Lakes reimbursement digest 2026-01, vosoritide",
    indication="Achondroplasia (vosoritide)", branch="continuation",
    question="Does a second year of vosoritide meet the renewal conditions in the Northern "
    "Lakes digest for a 7-year-old girl with achondroplasia?",
    age=7, sex="female",
    diagnoses=[("Achondroplasia", "Q77.4")],
    drug=dict(drug="Voxzogo (vosoritide) 0.56 mg for injection", dose="0.36 mg (weight "
              "band 20-22 kg)", route="subcutaneous", frequency="once daily",
              duration="12 months", request_type="continuation"),
    history=[
        "Skeletal dysplasia clinic 11/24/2026 (Dr. Samuel Achebe, clinical geneticist): "
        "achondroplasia, FGFR3 c.1138G>A confirmed 2019; vosoritide started 11/2025.",
        "Growth velocity before treatment (05/2025-11/2025, same stadiometer): 3.9 cm a "
        "year. Growth velocity on treatment 11/2025-11/2026: 5.6 cm a year.",
        "Left hand and wrist radiograph 10/30/2026: growth plates open.",
        "Daily injections given by her mother; no missed weeks. Not receiving growth "
        "hormone.",
    ],
    fails={1: "Growth velocity before treatment (05/2025-11/2025, same stadiometer): 3.9 cm a "
           "year. Growth velocity on treatment 11/2025-11/2026: 3.6 cm a year."},
    missed="growth velocity on treatment higher than baseline: 3.6 cm a year on treatment "
    "against 3.9 cm a year before",
    failed=["annual growth velocity on treatment higher than the baseline growth velocity"],
    prior=[("Vosoritide daily since 11/2025", "see growth velocity")],
)
# 5-6. Requirement-area grid, ivabradine --------------------------------------------------
pair(
    id="grid-ivabradine-adult", pdf="synth16-grid-ivabradine",
    payer="Copperline Health Plan", policy="Copperline RX-CV-044, ivabradine",
    indication="Chronic heart failure with reduced ejection fraction, adults (ivabradine)",
    branch="initial",
    question="Does ivabradine meet the start-of-therapy column of RX-CV-044 for a 62-year-old "
    "man with chronic systolic heart failure?",
    age=62, sex="male",
    diagnoses=[("Chronic systolic (congestive) heart failure", "I50.22"),
               ("Ischemic cardiomyopathy", "I25.5")],
    drug=dict(drug="Corlanor (ivabradine) 5 mg tablet", dose="5 mg", route="oral",
              frequency="twice daily", duration="6 months", request_type="initial"),
    history=[
        "Heart failure clinic 11/19/2026 (Dr. Ana Lucero, cardiologist): stable for 3 "
        "months, short of breath walking one block (NYHA class III), no admissions since "
        "06/2026.",
        "Echocardiogram 10/28/2026: ejection fraction 28%.",
        "ECG 11/19/2026: sinus rhythm, rate 84 beats per minute at rest.",
        "Carvedilol 25 mg twice daily (target dose) since 2025; sacubitril/valsartan, "
        "spironolactone and dapagliflozin continued.",
        "No pacemaker; Holter 10/2026 without sinus pauses or heart block. Blood pressure "
        "112/70. No azole antifungals or clarithromycin.",
    ],
    fails={2: "ECG 11/19/2026: sinus rhythm, rate 64 beats per minute at rest (62-66 on "
           "clinic vitals)."},
    missed="sinus rhythm with a resting heart rate of 70 or more: 64 beats per minute",
    failed=["Sinus rhythm with a resting heart rate of 70 beats per minute"],
    prior=[("Carvedilol 25 mg twice daily", "continuing at target dose")],
)
pair(
    id="grid-ivabradine-child-renewal", pdf="synth16-grid-ivabradine",
    payer="Copperline Health Plan", policy="Copperline RX-CV-044, ivabradine",
    indication="Heart failure due to dilated cardiomyopathy, children (ivabradine)",
    branch="continuation",
    question="Does ivabradine meet the renewal column of RX-CV-044 for a 3-year-old boy with "
    "dilated cardiomyopathy?",
    age=3, sex="male",
    diagnoses=[("Dilated cardiomyopathy", "I42.0"), ("Heart failure", "I50.9")],
    drug=dict(drug="Corlanor (ivabradine) oral solution 5 mg/5 mL", dose="0.1 mg/kg",
              route="oral", frequency="twice daily", duration="12 months",
              request_type="continuation"),
    history=[
        "Pediatric cardiology 11/23/2026 (Dr. Grace Whitfield): ivabradine started 05/2026 "
        "for heart failure from dilated cardiomyopathy (ejection fraction then 32%).",
        "Resting heart rate before ivabradine (05/2026): 118 beats per minute. Resting heart "
        "rate 11/23/2026: 94 beats per minute, sinus rhythm.",
        "Parents report no fainting, floppy spells or slow pulse; no bradycardia on home "
        "pulse checks or clinic ECG.",
        "Feeding and growth improved; seen as an outpatient, stable, blood pressure 94/58; "
        "carvedilol and enalapril continued.",
    ],
    fails={1: "Resting heart rate before ivabradine (05/2026): 118 beats per minute. Resting "
           "heart rate 11/23/2026: 112 beats per minute, sinus rhythm."},
    missed="resting heart rate at least 10% below the pre-treatment rate: 118 to 112 beats "
    "per minute (about 5%)",
    failed=["Resting heart rate at least 10% below the rate before treatment"],
    prior=[("Ivabradine since 05/2026", "see heart rate")],
)
# 7-8. Call script, C. difficile ----------------------------------------------------------
pair(
    id="script-cdiff-fidaxomicin", pdf="synth16-script-cdiff",
    payer="Bayfront Health Plan", policy="Bayfront call script PH-17, Path A",
    indication="Clostridioides difficile infection, active episode (fidaxomicin)",
    branch="initial",
    question="Does fidaxomicin meet Path A of call script PH-17 for a 74-year-old woman with "
    "C. difficile diarrhea?",
    age=74, sex="female",
    diagnoses=[("Enterocolitis due to Clostridioides difficile, not specified as recurrent",
                "A04.72")],
    drug=dict(drug="Dificid (fidaxomicin) 200 mg tablet", dose="200 mg", route="oral",
              frequency="twice daily", duration="10 days", request_type="initial"),
    history=[
        "Primary care 12/01/2026 (Dr. Owen Hart): watery diarrhea since 11/28/2026, 5 to 7 "
        "loose stools a day, after amoxicillin-clavulanate for a dental infection.",
        "Stool sample 11/30/2026 (liquid): C. difficile GDH antigen positive, toxin A/B "
        "enzyme immunoassay positive.",
        "First C. difficile episode; age 74.",
        "Prescription: fidaxomicin 200 mg twice a day for 10 days.",
    ],
    fails={1: "Stool sample 11/30/2026 (liquid): C. difficile GDH antigen positive, toxin A/B "
           "enzyme immunoassay negative; the laboratory did not run a toxin gene PCR and no "
           "further test was sent."},
    missed="positive stool toxin test or toxin gene PCR: only the GDH antigen is positive, "
    "toxin negative, no PCR",
    failed=["Did a stool toxin test or a toxin gene PCR on an"],
    prior=[],
)
pair(
    id="script-cdiff-vowst", pdf="synth16-script-cdiff",
    payer="Bayfront Health Plan", policy="Bayfront call script PH-17, Path B",
    indication="Recurrent Clostridioides difficile infection, prevention of recurrence (fecal "
    "microbiota spores)", branch="initial",
    question="Does Vowst meet Path B of call script PH-17 for a 58-year-old man with "
    "recurrent C. difficile infection?",
    age=58, sex="male",
    diagnoses=[("Enterocolitis due to Clostridioides difficile, recurrent", "A04.71")],
    drug=dict(drug="Vowst (fecal microbiota spores, live-brpk) capsules", dose="4 capsules",
              route="oral", frequency="once daily for 3 days", duration="3 days",
              request_type="initial"),
    history=[
        "Gastroenterology 12/02/2026 (Dr. Lena Park): third C. difficile episode; earlier "
        "toxin-positive episodes 03/2026 and 07/2026, current one 11/2026.",
        "Current episode treated with vancomycin 125 mg four times daily for 10 days, "
        "11/18-11/27/2026, all doses taken.",
        "By 11/23/2026 stools were formed, one or two a day, and have stayed that way.",
        "Plan: magnesium citrate 10 oz the evening of 11/29/2026 and first Vowst dose "
        "11/30/2026, 3 days after the last vancomycin dose.",
        "No earlier Vowst or fecal transplant.",
    ],
    fails={3: "Plan: first Vowst dose 12/09/2026, 12 days after the last vancomycin dose "
           "(delayed by travel), with magnesium citrate the evening before."},
    missed="first dose 2 to 4 days after the last antibiotic dose: planned 12 days after",
    failed=["Will the first dose be taken 2 to 4 days after the"],
    prior=[("Vancomycin 125 mg four times daily, 10 days (11/2026)", "diarrhea resolved"),
           ("Vancomycin (03/2026) and fidaxomicin (07/2026) for earlier episodes",
            "resolved, then recurred")],
)
# 9-10. Optimal use guideline, canakinumab ------------------------------------------------
pair(
    id="oug-caps-canakinumab", pdf="synth16-oug-canakinumab",
    payer="Eastfield Mutual Health Insurance Society",
    policy="Eastfield optimal use guideline OUG-07, canakinumab",
    indication="Cryopyrin-associated periodic syndromes (canakinumab)", branch="initial",
    question="Does canakinumab meet chapters 3 and 4-1 of guideline OUG-07 for a 16-year-old "
    "with Muckle-Wells syndrome?",
    age=16, sex="female",
    diagnoses=[("Cryopyrin-associated periodic syndrome (Muckle-Wells syndrome)", "M04.2")],
    drug=dict(drug="Ilaris (canakinumab) 150 mg/mL injection", dose="150 mg",
              route="subcutaneous", frequency="every 8 weeks", duration="6 months",
              request_type="initial"),
    history=[
        "University hospital pediatric rheumatology 11/10/2026 (Dr. Hannah Cole, "
        "board-certified pediatric rheumatologist who runs the autoinflammatory clinic; "
        "the hospital runs interferon-gamma release assays and has infectious disease and "
        "inpatient services).",
        "Recurrent urticarial rash, fever, conjunctivitis and joint pain since early "
        "childhood, hearing loss on audiogram; NLRP3 p.Arg260Trp (pathogenic) 2024.",
        "Weight 52 kg; age 16.",
        "During an attack 10/2026: CRP 64 mg/L and serum amyloid A 180 mg/L.",
        "QuantiFERON-TB Gold 10/20/2026 negative; chest X-ray 10/20/2026 clear.",
        "No current infection; no other biologic; vaccines up to date, no live vaccine "
        "planned.",
    ],
    fails={4: "QuantiFERON-TB Gold last done 01/2026 (negative), about 10 months ago; no "
           "chest X-ray and no newer tuberculosis test before the request."},
    missed="tuberculosis screening negative within the last 3 months: last test 01/2026, "
    "about 10 months earlier",
    failed=["Tuberculosis screening (interferon-gamma release assay, or tuberculin skin test, "
            "with chest"],
    prior=[("Colchicine and NSAIDs for attacks", "attacks continued")],
)
pair(
    id="oug-still-canakinumab-renewal", pdf="synth16-oug-canakinumab",
    payer="Eastfield Mutual Health Insurance Society",
    policy="Eastfield optimal use guideline OUG-07, canakinumab",
    indication="Still's disease: systemic JIA and adult-onset Still's disease (canakinumab)",
    branch="continuation",
    question="Does continued canakinumab meet section 6-2 of guideline OUG-07 for a "
    "29-year-old woman with adult-onset Still's disease?",
    age=29, sex="female",
    diagnoses=[("Adult-onset Still's disease", "M06.1")],
    drug=dict(drug="Ilaris (canakinumab) 150 mg/mL injection", dose="4 mg/kg (260 mg)",
              route="subcutaneous", frequency="every 4 weeks", duration="12 months",
              request_type="continuation"),
    history=[
        "Rheumatology 11/17/2026 (Dr. Yusuf Adeyemi, rheumatologist): canakinumab since "
        "07/2026 for adult-onset Still's disease.",
        "Before canakinumab: daily fevers to 39.5 C, salmon rash, 9 swollen and tender "
        "joints. Now: no fever since 08/2026, 1 tender joint, no rash.",
        "Prednisone 20 mg daily at the start (07/2026), tapered to 5 mg daily from "
        "10/2026.",
        "No serious infections; ferritin 210 ng/mL, platelets and liver tests normal. No other "
        "biologic.",
    ],
    fails={2: "Prednisone 10 mg daily at the start (07/2026); raised to 15 mg daily in "
           "10/2026 for fatigue and morning stiffness and still 15 mg now."},
    missed="corticosteroid dose reduced or stopped: prednisone raised from 10 mg to 15 mg "
    "daily",
    failed=["The daily corticosteroid dose has been reduced or stopped, or no corticosteroid"],
    prior=[("Prednisone, NSAIDs (naproxen 500 mg twice daily, 6 weeks)", "disease stayed "
            "active before canakinumab")],
)


def main() -> None:
    write_pairs(PAIRS, HERE, REL, SPLIT, SOURCE, "sixteenth")


if __name__ == "__main__":
    main()

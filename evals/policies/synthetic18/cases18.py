"""Write the eighteenth batch's case pairs (`cases/*.yaml`, `cases/cases.jsonl`).

    .venv/bin/python evals/policies/synthetic18/cases18.py

Each pair is one `-meets` case (every criterion of the branch documented in clinical words)
and its `-fails-one` twin, which differs only in the history lines named in `fails`.
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE.parent / "synthetic")]

from pair_cases import write_pairs  # noqa: E402

REL = "evals/policies/synthetic18"
SPLIT = "synthetic18-pairs"
SOURCE = "synthetic pair written for the eighteenth synthetic holdout policy batch"

PAIRS: list[dict] = []


def pair(**kw: object) -> None:
    PAIRS.append(kw)


# 1-2. Plan amendment, lisdexamfetamine -------------------------------------------------
AMEND = dict(pdf="synth18-amend-lisdexamfetamine", payer="Harborview Municipal Employees' "
             "Health Plan", policy="Harborview Plan Amendment No. 3, Section 8.6")
pair(
    id="amend-adhd-lisdexamfetamine", **AMEND,
    indication="Attention-deficit/hyperactivity disorder (lisdexamfetamine)",
    branch="initial",
    question="Does lisdexamfetamine meet Section 8.6(a) of the plan for a 9-year-old boy with "
    "ADHD?",
    age=9, sex="male",
    diagnoses=[("Attention-deficit hyperactivity disorder, combined type", "F90.2")],
    drug=dict(drug="Vyvanse (lisdexamfetamine) 30 mg capsule", dose="30 mg", route="oral",
              frequency="once daily in the morning", duration="12 months",
              request_type="initial"),
    history=[
        "Developmental-behavioral pediatrics visit 11/18/2026 (Dr. Amara Osei, pediatrician): "
        "DSM-5 criteria for ADHD, combined presentation, met; Vanderbilt rating scales from "
        "both parents and his 4th-grade teacher (09/2026) positive for inattention and "
        "hyperactivity.",
        "Methylphenidate ER (generic Concerta) 18 mg then 36 mg daily from 08/15/2026 to "
        "10/20/2026 (about 9 weeks): teacher reports little change in classwork, and he ate "
        "almost nothing at lunch with 1.5 kg weight loss; stopped.",
        "No fainting, chest pain or palpitations with exercise; no family history of sudden "
        "death or cardiomyopathy; BP 104/66, heart rate 86 at the 11/18/2026 visit.",
        "Takes no other stimulant and no MAO inhibitor; request is for ADHD symptoms only.",
    ],
    fails={2: "Cardiac history not taken at the 11/18/2026 visit; last blood pressure and "
           "heart rate on file are from the well-child visit of 01/09/2026, more than 10 "
           "months ago."},
    missed="cardiac history and blood pressure / heart rate within 90 days: none recorded "
    "since 01/2026",
    failed=["a cardiac history and a blood pressure and heart rate measured within"],
    prior=[("Methylphenidate ER", "inadequate response and appetite loss after 9 weeks")],
)
pair(
    id="amend-bed-lisdexamfetamine", **AMEND,
    indication="Moderate to severe binge-eating disorder in adults (lisdexamfetamine)",
    branch="initial",
    question="Does lisdexamfetamine meet Section 8.6(c) of the plan for a 34-year-old woman "
    "with binge-eating disorder?",
    age=34, sex="female",
    diagnoses=[("Binge eating disorder, moderate", "F50.81")],
    drug=dict(drug="Vyvanse (lisdexamfetamine) 30 mg capsule", dose="30 mg, titrating to 50-70 "
              "mg", route="oral", frequency="once daily", duration="3 months",
              request_type="initial"),
    history=[
        "Psychiatry outpatient assessment 11/12/2026 (Dr. Miguel Herrera, psychiatrist, who "
        "writes the prescription).",
        "DSM-5 binge-eating disorder: eating diary since 08/2026 shows binges on an average "
        "of 5 days a week, with loss of control and distress, no purging or fasting.",
        "Weekly CBT for binge eating with a clinical psychologist since 09/2026, 9 sessions "
        "attended so far.",
        "Goal of treatment is fewer binge days; she is not asking for weight loss treatment "
        "(BMI 29).",
        "No MAO inhibitor; sertraline 100 mg daily; no other stimulant; BP 118/76.",
    ],
    fails={0: "Family medicine visit 11/12/2026 (Dr. Miguel Herrera, family physician, who "
           "writes the prescription); no psychiatrist or psychiatric nurse practitioner has "
           "seen her or been consulted."},
    missed="prescribed by or with a Specialist Physician: family physician, no psychiatry "
    "involvement",
    failed=["Lisdexamfetamine is prescribed by, or in consultation with, a Specialist Physician"],
    prior=[("Cognitive behavioral therapy", "ongoing, binges continue")],
)
# 3-4. Tracked-changes redline, iptacopan -----------------------------------------------
RED = dict(pdf="synth18-redline-iptacopan", payer="Cascade Ridge Health Alliance",
           policy="Cascade Ridge medical pharmacy policy MP-2.114 rev. 3")
pair(
    id="redline-igan-iptacopan", **RED, indication="Primary IgA nephropathy (iptacopan)",
    branch="initial",
    question="Does iptacopan meet policy MP-2.114 section 2.1 for a 46-year-old man with IgA "
    "nephropathy?",
    age=46, sex="male",
    diagnoses=[("IgA nephropathy, biopsy-proven", "N02.B9"), ("Hypertension", "I10")],
    drug=dict(drug="Fabhalta (iptacopan) 200 mg capsule", dose="200 mg", route="oral",
              frequency="twice daily", duration="9 months", request_type="initial"),
    history=[
        "Kidney biopsy 04/2025: IgA-dominant mesangial deposits, MEST-C M1 E0 S1 T0 C0; no "
        "liver disease, celiac disease or IgA vasculitis; no crescents.",
        "Urine protein-to-creatinine ratio 1.2 g/g on 11/10/2026 (1.3 g/g in 08/2026).",
        "Losartan 100 mg daily since 03/2026, the highest dose tolerated (dizziness above "
        "that), continued.",
        "eGFR 52 mL/min/1.73 m2 (CKD-EPI) on 11/10/2026.",
        "MenACWY, MenB and pneumococcal (PCV20) vaccines given 10/28/2026; first iptacopan "
        "dose planned 12/01/2026.",
        "Nephrology clinic 11/17/2026 (Dr. Priya Raman, nephrologist). Never treated with "
        "systemic corticosteroids. No active infection; no other complement inhibitor.",
    ],
    fails={2: "Losartan 50 mg daily started 10/16/2026 (about 5 weeks ago) and being "
           "uptitrated; no ACE inhibitor or ARB before that."},
    missed="ACE inhibitor or ARB at highest tolerated dose for at least 90 days: losartan "
    "started 5 weeks ago, still being titrated",
    failed=["Member has taken an ACE inhibitor or angiotensin receptor blocker at the"],
    prior=[("Losartan", "ongoing, proteinuria persists")],
)
pair(
    id="redline-c3g-iptacopan-renewal", **RED, indication="C3 glomerulopathy (iptacopan)",
    branch="continuation",
    question="Does iptacopan meet policy MP-2.114 section 3.2 for renewal in a 29-year-old "
    "woman with C3 glomerulopathy?",
    age=29, sex="female",
    diagnoses=[("C3 glomerulopathy (C3 glomerulonephritis), biopsy-proven", "N05.A")],
    drug=dict(drug="Fabhalta (iptacopan) 200 mg capsule", dose="200 mg", route="oral",
              frequency="twice daily", duration="12 months", request_type="continuation"),
    history=[
        "Native kidney biopsy 2024: C3 glomerulonephritis; iptacopan started 06/2026 after "
        "approval under section 3.1 (nephrologist Dr. Jonas Lindqvist).",
        "Urine protein-to-creatinine ratio 2.4 g/g before iptacopan (05/2026); 1.1 g/g on "
        "11/20/2026.",
        "eGFR 66 mL/min/1.73 m2 in 05/2026 and 58 mL/min/1.73 m2 on 11/20/2026; not on "
        "dialysis, no transplant.",
        "Meningococcal and pneumococcal vaccines up to date; no serious infections; no "
        "eculizumab, ravulizumab or pegcetacoplan; no crescentic flare.",
    ],
    fails={1: "Urine protein-to-creatinine ratio 2.4 g/g before iptacopan (05/2026); 2.6 g/g "
           "on 11/20/2026, no lower than before treatment."},
    missed="proteinuria fallen from pre-treatment UPCR: 2.4 before, 2.6 now",
    failed=["Proteinuria has fallen from the pre-treatment urine protein-to-creatinine ratio"],
    prior=[("Lisinopril 40 mg daily", "continued")],
)
# 5-6. Highlights sheet, dronabinol ---------------------------------------------------
HL = dict(pdf="synth18-highlights-dronabinol", payer="Tidewater Community Health Plan",
          policy="Tidewater coverage highlights DR-17, dronabinol")
pair(
    id="highlights-cinv-dronabinol", **HL,
    indication="Chemotherapy-induced nausea and vomiting refractory to conventional "
    "antiemetics (dronabinol)", branch="initial",
    question="Does dronabinol meet the Tidewater highlights sheet for a 61-year-old woman with "
    "nausea and vomiting on chemotherapy?",
    age=61, sex="female",
    diagnoses=[("Malignant neoplasm of left breast, upper outer quadrant", "C50.412"),
               ("Nausea with vomiting due to chemotherapy", "R11.2")],
    drug=dict(drug="Dronabinol 5 mg capsule", dose="5 mg", route="oral",
              frequency="before chemotherapy and every 4 hours as needed, up to 4 doses a "
              "day", duration="6 months", request_type="initial"),
    history=[
        "Oncology visit 11/19/2026 (Dr. Helen Park): dose-dense doxorubicin and "
        "cyclophosphamide every 2 weeks, cycle 1 on 11/05/2026 and cycle 2 on 11/19/2026, "
        "to be followed by 12 weeks of paclitaxel.",
        "With both cycles she received ondansetron 16 mg and dexamethasone 12 mg before "
        "chemotherapy, dexamethasone days 2-3, and fosaprepitant 150 mg IV.",
        "Despite this she vomited 6 to 8 times on days 2 to 4 after each cycle and could "
        "barely keep fluids down; olanzapine 5 mg added for cycle 2 caused marked "
        "sedation without fewer episodes.",
        "No cannabis use or substance use history; no sesame allergy; no nabilone or other "
        "cannabinoid; no seizure history.",
    ],
    fails={1: "Antiemetics so far: prochlorperazine 10 mg as needed only; no ondansetron or "
           "other 5-HT3 antagonist and no dexamethasone given (brittle diabetes); "
           "fosaprepitant 150 mg IV before each cycle."},
    missed="failure of a 5-HT3 antagonist with dexamethasone: neither has been given",
    failed=["Nausea or vomiting continued despite a 5-HT3 antagonist (ondansetron, "
            "granisetron or palonosetron)"],
    prior=[("Fosaprepitant", "vomiting continued"), ("Olanzapine", "sedation, no benefit")],
)
pair(
    id="highlights-aids-dronabinol", **HL,
    indication="Anorexia with weight loss in adults with AIDS (dronabinol)", branch="initial",
    question="Does dronabinol meet the Tidewater highlights sheet for a 44-year-old man with "
    "AIDS and poor appetite?",
    age=44, sex="male",
    diagnoses=[("Human immunodeficiency virus [HIV] disease", "B20"),
               ("Anorexia", "R63.0"), ("Abnormal weight loss", "R63.4")],
    drug=dict(drug="Dronabinol 2.5 mg capsule", dose="2.5 mg", route="oral",
              frequency="twice daily before lunch and supper", duration="6 months",
              request_type="initial"),
    history=[
        "Infectious diseases clinic 11/16/2026 (Dr. Samuel Adeyemi): HIV since 2019, CD4 "
        "180 cells/mm3; bictegravir/emtricitabine/tenofovir alafenamide daily, taken "
        "regularly.",
        "Weight 72 kg in 06/2026 and 64 kg on 11/16/2026 (an 11% loss over 5 months) without "
        "trying; height 1.78 m, BMI 20.2; eats about half his usual meals.",
        "Work-up: no oral thrush on exam; PHQ-9 score 4; no active opportunistic infection "
        "(blood cultures and chest x-ray negative 10/2026); no new medicines; thyroid "
        "tests normal.",
        "No cannabis use disorder (no cannabis use for 10 years); no sesame allergy; no "
        "other cannabinoid prescribed.",
    ],
    fails={1: "Weight 72 kg in 06/2026 and 70 kg on 11/16/2026 (under 3% loss over 5 "
           "months); height 1.78 m, BMI 22.1; eats about half his usual meals."},
    missed="weight loss of at least 5% in 6 months or BMI below 20: 2.8% loss, BMI 22.1",
    failed=["Unintended weight loss of at least 5% of body weight in the"],
    prior=[],
)
# 7-8. Criteria-library workbook, vonoprazan --------------------------------------------
LIB = dict(pdf="synth18-library-vonoprazan", payer="Lakeshore Benefit Administrators",
           policy="Lakeshore clinical rules workbook CRW-44")
pair(
    id="library-ee-vonoprazan", **LIB,
    indication="Erosive esophagitis, healing and maintenance (vonoprazan)", branch="initial",
    question="Does vonoprazan meet rule VQ-1 of workbook CRW-44 for a 57-year-old man with "
    "erosive esophagitis?",
    age=57, sex="male",
    diagnoses=[("Gastro-esophageal reflux disease with esophagitis, without bleeding",
                "K21.00")],
    drug=dict(drug="Voquezna (vonoprazan) 20 mg tablet", dose="20 mg", route="oral",
              frequency="once daily", duration="8 weeks", request_type="initial"),
    history=[
        "Upper endoscopy 08/21/2026 (Dr. Kenji Watanabe, gastroenterology): LA grade C "
        "erosive esophagitis, no Barrett's, biopsies negative for eosinophilic esophagitis.",
        "Omeprazole 40 mg daily 30 minutes before breakfast from 04/2026 to 06/2026 (10 "
        "weeks), then pantoprazole 40 mg twice daily from 08/2026 to 10/2026 (9 weeks): "
        "nightly heartburn and regurgitation persist.",
        "Gastroenterology follow-up 11/13/2026: continuing symptoms despite both; weight "
        "stable, no dysphagia.",
        "HIV negative, takes no antiretrovirals; no NSAIDs; request is for the 20 mg "
        "healing dose for 8 weeks.",
    ],
    fails={0: "Only upper endoscopy was 05/2023 (LA grade B erosive esophagitis); no "
           "endoscopy since then."},
    missed="upper endoscopy within 12 months showing erosive esophagitis: last one 05/2023",
    failed=["Upper endoscopy within the past 12 months shows erosive esophagitis, Los Angeles"],
    prior=[("Omeprazole 40 mg daily", "10 weeks, symptoms persisted"),
           ("Pantoprazole 40 mg twice daily", "9 weeks, symptoms persisted")],
)
pair(
    id="library-hp-vonoprazan", **LIB, indication="Helicobacter pylori infection "
    "(vonoprazan)", branch="initial",
    question="Does the Voquezna Dual Pak meet rule VQ-2 of workbook CRW-44 for a 39-year-old "
    "woman with H. pylori?",
    age=39, sex="female",
    diagnoses=[("Helicobacter pylori as the cause of diseases classified elsewhere",
                "B96.81"), ("Dyspepsia", "R10.13")],
    drug=dict(drug="Voquezna Dual Pak (vonoprazan 20 mg tablets, amoxicillin 500 mg capsules)",
              dose="vonoprazan 20 mg twice daily with amoxicillin 1 g three times daily",
              route="oral", frequency="as packed", duration="14 days",
              request_type="initial"),
    history=[
        "Primary care visit 11/09/2026 (Dr. Laura Benedetti): epigastric pain for 3 months, "
        "no alarm features.",
        "Stool antigen test for H. pylori positive on 11/02/2026, collected after 2 weeks "
        "off omeprazole.",
        "Anaphylaxis to metronidazole in 2019 (documented ED visit); tolerates penicillins.",
        "Prescribed the Voquezna Dual Pak for 14 days; no earlier H. pylori treatment; no "
        "rilpivirine.",
    ],
    fails={1: "H. pylori IgG antibody (serology) positive on 11/02/2026; no breath, stool or "
           "biopsy test has been done."},
    missed="active infection shown by breath, stool or biopsy test: serology only",
    failed=["Active H. pylori infection is shown by a urea breath test, a"],
    prior=[("Omeprazole 20 mg daily", "partial relief of dyspepsia")],
)
# 9-10. Coverage timeline, rilonacept -----------------------------------------------
TL = dict(pdf="synth18-timeline-rilonacept", payer="Granite Peak Health Partners",
          policy="Granite Peak coverage timeline TL-031")
pair(
    id="timeline-rp-rilonacept", **TL, indication="Recurrent pericarditis (rilonacept)",
    branch="initial",
    question="Does rilonacept meet pathway 1 of timeline TL-031 for a 42-year-old man with "
    "recurrent pericarditis?",
    age=42, sex="male",
    diagnoses=[("Other forms of acute pericarditis, recurrent idiopathic", "I30.8")],
    drug=dict(drug="Arcalyst (rilonacept) 220 mg vial", dose="320 mg loading, then 160 mg",
              route="subcutaneous", frequency="once weekly", duration="6 months",
              request_type="initial"),
    history=[
        "Idiopathic pericarditis: first episode 01/2025, recurrences 06/2025, 02/2026 and "
        "10/2026, each starting more than 6 weeks after the previous one had fully "
        "settled.",
        "At the 10/2026 recurrence: pleuritic chest pain, friction rub, CRP 4.8 mg/dL on "
        "10/20/2026 (normal under 0.5).",
        "Colchicine 0.5 mg twice daily taken without a break since the first episode; the "
        "10/2026 recurrence occurred while taking it; ibuprofen courses with each flare; "
        "prednisone 20 mg now being tapered.",
        "Cardiology clinic 11/03/2026 (Dr. Rafael Moreno, cardiologist) requests rilonacept.",
        "Work-up: QuantiFERON negative, no cancer, no cardiac surgery or chest injury, "
        "blood cultures negative; no TNF blocker or anakinra; no live vaccines planned.",
    ],
    fails={0: "Idiopathic pericarditis: first episode 05/2026 and one recurrence 10/2026 "
           "(2 episodes in all), the recurrence starting 8 weeks after the first had "
           "settled."},
    missed="at least 3 episodes (first plus 2 or more recurrences): only 2 episodes",
    failed=["At least 3 episodes of pericarditis in all (a first episode and"],
    prior=[("Colchicine", "recurrence while taking it"),
           ("Ibuprofen, prednisone", "recurrences on taper")],
)
pair(
    id="timeline-dira-rilonacept-renewal", **TL, indication="Deficiency of the "
    "interleukin-1 receptor antagonist (DIRA) (rilonacept)", branch="continuation",
    question="Does rilonacept meet the pathway 2 renewal of timeline TL-031 for a 7-year-old "
    "girl with DIRA?",
    age=7, sex="female",
    diagnoses=[("Deficiency of interleukin-1 receptor antagonist (DIRA)", "M04.8")],
    drug=dict(drug="Arcalyst (rilonacept) 220 mg vial", dose="4.4 mg/kg (106 mg)",
              route="subcutaneous", frequency="once weekly", duration="12 months",
              request_type="continuation"),
    history=[
        "DIRA with homozygous IL1RN deletion; switched from daily anakinra to weekly "
        "rilonacept 12/2025 (pediatric rheumatology, Dr. Ingrid Solberg).",
        "Since starting rilonacept no pustular rash and no new bone pain; skeletal survey "
        "09/2026 shows no new osteomyelitis or periostitis; CRP 0.2 mg/dL on 11/05/2026 "
        "(normal under 0.5).",
        "QuantiFERON-TB Gold negative on 10/28/2026.",
        "Weight 24 kg; no serious infections; no other biologic; inactivated vaccines only.",
    ],
    fails={1: "Two flares since 08/2026 with pustular rash and new periostitis of the left "
           "tibia on x-ray 09/2026; CRP 6.1 mg/dL on 11/05/2026 (normal under 0.5)."},
    missed="remission continues: pustular flares, new periostitis and raised CRP",
    failed=["Remission continues: no new skin pustules, osteomyelitis or periostitis, and "
            "C-reactive protein"],
    prior=[("Anakinra", "remission, switched for weekly dosing")],
)


def main() -> None:
    write_pairs(PAIRS, HERE, REL, SPLIT, SOURCE, "eighteenth")


if __name__ == "__main__":
    main()

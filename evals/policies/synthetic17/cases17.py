"""Write the seventeenth batch's case pairs (`cases/*.yaml`, `cases/cases.jsonl`).

    .venv/bin/python evals/policies/synthetic17/cases17.py

Each pair is one `-meets` case (every criterion of the branch documented in clinical words)
and its `-fails-one` twin, which differs only in the history lines named in `fails`.
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE.parent / "synthetic")]

from pair_cases import write_pairs  # noqa: E402

REL = "evals/policies/synthetic17"
SPLIT = "synthetic17-pairs"
SOURCE = "synthetic pair written for the seventeenth synthetic holdout policy batch"

PAIRS: list[dict] = []


def pair(**kw: object) -> None:
    PAIRS.append(kw)


# 1-2. Terminal screen print, letermovir ------------------------------------------------
pair(
    id="screen-hsct-letermovir", pdf="synth17-screen-letermovir",
    payer="Keystone Valley Health Plan", policy="Keystone Valley criteria set CS-4471",
    indication="CMV prophylaxis after allogeneic hematopoietic stem cell transplant, "
    "CMV-seropositive recipient (letermovir)", branch="initial",
    question="Does letermovir prophylaxis meet criteria set CS-4471-A for a 58-year-old man "
    "after an allogeneic stem cell transplant?",
    age=58, sex="male",
    diagnoses=[("Acute myeloid leukemia in remission, status post allogeneic stem cell "
                "transplant", "C92.01"), ("Stem cell transplant status", "Z94.84")],
    drug=dict(drug="Prevymis (letermovir) 480 mg tablet", dose="480 mg", route="oral",
              frequency="once daily", duration="through day 100 after transplant",
              request_type="initial"),
    history=[
        "Matched unrelated donor peripheral blood stem cell transplant 11/10/2026 for AML in "
        "first remission (Dr. Hannah Liu, bone marrow transplant attending, "
        "hematology/oncology).",
        "Pre-transplant serology 10/20/2026: patient CMV IgG reactive; donor CMV IgG "
        "non-reactive.",
        "Letermovir 480 mg daily started on day +5 (11/15/2026); cyclosporine is not part "
        "of the GVHD regimen (tacrolimus and methotrexate).",
        "CMV quantitative PCR (plasma) 11/14/2026: target not detected.",
        "No CMV syndrome or end-organ disease; no ganciclovir or valganciclovir given.",
        "Medication list: no pimozide, no ergot drugs, no statin.",
    ],
    fails={2: "Letermovir to be started 12/15/2026, on day +35, after a delay for "
           "mucositis and poor oral intake; cyclosporine is not part of the GVHD regimen "
           "(tacrolimus and methotrexate)."},
    missed="first dose between the transplant day and day 28: start planned on day +35",
    failed=["FIRST DOSE FALLS BETWEEN THE DAY OF TRANSPLANT AND DAY 28 AFTER"],
    prior=[],
)
pair(
    id="screen-kidney-letermovir", pdf="synth17-screen-letermovir",
    payer="Keystone Valley Health Plan", policy="Keystone Valley criteria set CS-4471",
    indication="CMV prophylaxis after kidney transplant, donor positive / recipient "
    "negative (letermovir)", branch="initial",
    question="Does letermovir prophylaxis meet criteria set CS-4471-C for a 47-year-old woman "
    "after a deceased-donor kidney transplant?",
    age=47, sex="female",
    diagnoses=[("Kidney transplant status", "Z94.0"), ("IgA nephropathy (native kidney "
                "disease)", "N02.8")],
    drug=dict(drug="Prevymis (letermovir) 480 mg tablet", dose="480 mg", route="oral",
              frequency="once daily", duration="through week 28 after transplant",
              request_type="initial"),
    history=[
        "Deceased-donor kidney transplant 11/24/2026; immediate graft function; discharged "
        "11/29/2026 on tacrolimus, mycophenolate and prednisone. Request sent 11/27/2026 "
        "by the transplant nephrology team.",
        "Serologies: donor CMV IgG positive; recipient CMV IgG negative before transplant "
        "(11/23/2026).",
        "Letermovir first dose given 11/27/2026 (post-operative day 3).",
        "Creatinine 1.4 mg/dL on 11/29/2026, estimated creatinine clearance about 52 mL/min; "
        "no dialysis since the transplant.",
        "Valganciclovir not used: absolute neutrophil count 780/mm3 on 11/28/2026 after "
        "thymoglobulin induction, and she had valganciclovir-related leukopenia after a "
        "previous course in 2019.",
        "CMV PCR 11/28/2026 not detected; no CMV disease; no pimozide or ergot drugs.",
    ],
    fails={1: "Serologies: donor CMV IgG positive; recipient CMV IgG also positive before "
           "transplant (11/23/2026)."},
    missed="donor positive and recipient negative: recipient CMV IgG positive (D+/R+)",
    failed=["DONOR CMV IgG POSITIVE AND RECIPIENT CMV IgG NEGATIVE (D+/R-)"],
    prior=[],
)
# 3-4. Specialty List limitatio, teduglutide ---------------------------------------------
pair(
    id="limitatio-sbs-adult-teduglutide", pdf="synth17-limitatio-teduglutide",
    payer="Alpenrand Health Fund", policy="Alpenrand Specialty List extract 2026/01, "
    "Revestive", indication="Short bowel syndrome in adults dependent on parenteral "
    "support (teduglutide)", branch="initial",
    question="Does teduglutide meet the Specialty List limitation for a first cost approval "
    "for a 52-year-old woman with short bowel syndrome?",
    age=52, sex="female",
    diagnoses=[("Short bowel syndrome after small bowel resection", "K91.2")],
    drug=dict(drug="Revestive (teduglutide) 5 mg vial", dose="0.05 mg/kg (3.2 mg)",
              route="subcutaneous", frequency="once daily", duration="6 months",
              request_type="initial"),
    history=[
        "Extensive small bowel resection for mesenteric ischemia 03/2024 (about 110 cm "
        "remaining, jejunocolic anastomosis); no further surgery since.",
        "Intestinal failure unit, Cantonal Hospital, 11/05/2026 (Dr. Lukas Meier, "
        "gastroenterologist; the unit is an intestinal failure centre recognised by the "
        "fund); first dose planned 12/2026: weight and fluid needs stable over "
        "the past year; loperamide, PPI and diet changes already optimised with no further "
        "gain.",
        "Home parenteral nutrition 5 nights a week (about 9 L a week) continuously since "
        "04/2024.",
        "Colonoscopy 09/12/2026: two small tubular adenomas removed, otherwise normal.",
        "No history of cancer; no signs of obstruction; no other GLP-2 drug.",
    ],
    fails={2: "Home parenteral fluids 2 nights a week (about 3.5 L a week) since 04/2024; "
           "has never needed more than 2 nights."},
    missed="parenteral support on at least 3 days a week: only 2 nights a week",
    failed=["Parenteral nutrition or fluids on at least 3 days a week for"],
    prior=[("Loperamide, omeprazole, oral rehydration solution", "optimised; still "
            "dependent on parenteral support")],
)
pair(
    id="limitatio-sbs-child-teduglutide-renewal", pdf="synth17-limitatio-teduglutide",
    payer="Alpenrand Health Fund", policy="Alpenrand Specialty List extract 2026/01, "
    "Revestive", indication="Short bowel syndrome in children 1 year and older dependent "
    "on parenteral support (teduglutide)", branch="continuation",
    question="Does teduglutide meet the limitation for continued reimbursement after the "
    "first 6 months for a 6-year-old boy with short bowel syndrome?",
    age=6, sex="male",
    diagnoses=[("Short bowel syndrome after resection for midgut volvulus", "K91.2")],
    drug=dict(drug="Revestive (teduglutide) 1.25 mg vial", dose="0.05 mg/kg (1 mg)",
              route="subcutaneous", frequency="once daily", duration="12 months",
              request_type="continuation"),
    history=[
        "Paediatric intestinal rehabilitation clinic 11/18/2026 (Dr. Sara Keller, paediatric "
        "gastroenterologist): teduglutide started 05/2026, weight 19 kg.",
        "Parenteral nutrition before treatment: 7 nights a week, 1,050 mL a night. Now: "
        "5 nights a week, 900 mL a night (weekly volume down from 7,350 to 4,500 mL, about "
        "39% less).",
        "Faecal occult blood test 10/2026 negative (previous test 10/2025 also negative).",
        "No intestinal obstruction; no cancer history; no other GLP-2 drug.",
    ],
    fails={1: "Parenteral nutrition before treatment: 7 nights a week, 1,050 mL a night. Now: "
           "7 nights a week, 970 mL a night (weekly volume down from 7,350 to 6,790 mL, "
           "about 8% less); calories unchanged."},
    missed="parenteral support reduced by at least 20%: about 8% less",
    failed=["Parenteral support volume or calories reduced by at least 20% from the"],
    prior=[("Teduglutide since 05/2026", "ongoing; parenteral support change documented above")],
)
# 5-6. Spreadsheet printout, finerenone ---------------------------------------------------
pair(
    id="sheet-ckd-finerenone", pdf="synth17-sheet-finerenone",
    payer="Riverbend Employees' Health Trust", policy="Riverbend RX_CRITERIA_2026, "
    "finerenone", indication="Chronic kidney disease associated with type 2 diabetes "
    "(finerenone)", branch="initial",
    question="Does finerenone meet rule set CKD-I for a 63-year-old man with diabetic kidney "
    "disease?",
    age=63, sex="male",
    diagnoses=[("Type 2 diabetes mellitus with diabetic chronic kidney disease", "E11.22"),
               ("Chronic kidney disease stage 3b", "N18.32")],
    drug=dict(drug="Kerendia (finerenone) 10 mg tablet", dose="10 mg", route="oral",
              frequency="once daily", duration="12 months", request_type="initial"),
    history=[
        "Type 2 diabetes since 2009 (primary care and nephrology notes); HbA1c 7.4% "
        "10/2026.",
        "Creatinine 1.8 mg/dL on 11/10/2026, eGFR 41 mL/min/1.73 m2.",
        "Urine albumin/creatinine 410 mg/g on 05/14/2026 and 380 mg/g on 11/10/2026.",
        "Losartan 100 mg daily (maximum dose) filled monthly since 2022.",
        "Potassium 4.6 mmol/L on 11/10/2026.",
        "Empagliflozin 10 mg daily since 2024, ongoing.",
        "No azole antifungals or clarithromycin; no spironolactone or eplerenone; no "
        "adrenal insufficiency.",
    ],
    fails={4: "Potassium 5.3 mmol/L on 11/10/2026 (repeat 11/17/2026: 5.4 mmol/L, "
           "non-hemolysed)."},
    missed="potassium 5.0 mmol/L or less within 30 days: 5.3 and 5.4 mmol/L",
    failed=["Serum potassium of 5.0 mmol/L or less within the last 30 days"],
    prior=[("Losartan 100 mg daily", "albuminuria persists"), ("Empagliflozin 10 mg daily",
                                                               "continuing")],
)
pair(
    id="sheet-hf-finerenone", pdf="synth17-sheet-finerenone",
    payer="Riverbend Employees' Health Trust", policy="Riverbend RX_CRITERIA_2026, "
    "finerenone", indication="Heart failure with LVEF 40% or more (finerenone)",
    branch="initial",
    question="Does finerenone meet rule set HF-I for a 71-year-old woman with heart failure "
    "with preserved ejection fraction?",
    age=71, sex="female",
    diagnoses=[("Chronic diastolic (congestive) heart failure", "I50.32")],
    drug=dict(drug="Kerendia (finerenone) 20 mg tablet", dose="20 mg", route="oral",
              frequency="once daily", duration="6 months", request_type="initial"),
    history=[
        "Cardiology clinic 11/12/2026 (Dr. Ahmed Farouk, cardiologist): short of breath "
        "walking one block, ankle swelling; NYHA class III; started finerenone plan "
        "together with her primary care physician.",
        "Echocardiogram 08/20/2026: LVEF 57%, left atrial enlargement, E/e' 16.",
        "NT-proBNP 1,240 pg/mL on 11/12/2026; sinus rhythm on ECG.",
        "eGFR 58 mL/min/1.73 m2 and potassium 4.4 mmol/L on 11/12/2026.",
        "Dapagliflozin 10 mg daily since 2025 and furosemide 40 mg daily.",
        "No strong CYP3A4 inhibitors; not on spironolactone or eplerenone; no adrenal "
        "insufficiency.",
    ],
    fails={2: "NT-proBNP 210 pg/mL on 11/12/2026 (220 pg/mL in 07/2026); sinus rhythm on "
           "ECG."},
    missed="NT-proBNP 300 pg/mL or more in sinus rhythm: 210 pg/mL",
    failed=["NT-proBNP of 300 pg/mL or more (900 pg/mL or more if in"],
    prior=[("Dapagliflozin 10 mg daily, furosemide 40 mg daily", "still symptomatic")],
)
# 7-8. Member guide, maralixibat ---------------------------------------------------------
pair(
    id="member-alagille-maralixibat", pdf="synth17-member-maralixibat",
    payer="Sunrise Family Health Plan", policy="Sunrise member guide, Livmarli",
    indication="Cholestatic pruritus in Alagille syndrome (maralixibat)", branch="initial",
    question="Does Livmarli meet the Sunrise plan's first-approval points for a 5-year-old "
    "girl with Alagille syndrome and itching?",
    age=5, sex="female",
    diagnoses=[("Alagille syndrome", "Q44.71"), ("Pruritus due to cholestasis", "L29.8")],
    drug=dict(drug="Livmarli (maralixibat) 9.5 mg/mL oral solution", dose="380 mcg/kg",
              route="oral", frequency="once daily", duration="6 months",
              request_type="initial"),
    history=[
        "Pediatric hepatology clinic 11/09/2026 (Dr. Nadia Rossi, pediatric hepatologist).",
        "JAG1 pathogenic variant found on genetic testing 2022; butterfly vertebrae and "
        "posterior embryotoxon.",
        "Scratches at night until skin bleeds, wakes 3-4 times a night; parent itch score "
        "3 of 4; Dr. Rossi grades the itching as severe; missing school days.",
        "Serum bile acids 186 micromol/L on 11/02/2026 (lab upper limit 10).",
        "Ursodiol 15 mg/kg twice daily for 14 months with little change in itching; "
        "rifampin stopped after 2 months for raised liver enzymes.",
        "No ascites, variceal bleeding or encephalopathy; no odevixibat; no eczema.",
    ],
    fails={3: "Serum bile acids 18 micromol/L on 11/02/2026 (lab upper limit 10)."},
    missed="bile acids more than 3 times the upper limit: 18 micromol/L against 10 (1.8 "
    "times)",
    failed=["A blood test shows bile acids more than 3 times the upper"],
    prior=[("Ursodiol", "itching not helped"), ("Rifampin", "stopped for liver enzyme "
                                                 "rise")],
)
pair(
    id="member-pfic-maralixibat-renewal", pdf="synth17-member-maralixibat",
    payer="Sunrise Family Health Plan", policy="Sunrise member guide, Livmarli",
    indication="Cholestatic pruritus in progressive familial intrahepatic cholestasis "
    "(maralixibat)", branch="continuation",
    question="Does Livmarli meet the Sunrise plan's renewal points for a 3-year-old boy with "
    "PFIC after 6 months of treatment?",
    age=3, sex="male",
    diagnoses=[("Progressive familial intrahepatic cholestasis type 1 (ATP8B1)", "K76.89"),
               ("Pruritus due to cholestasis", "L29.8")],
    drug=dict(drug="Livmarli (maralixibat) 9.5 mg/mL oral solution", dose="600 mcg/kg",
              route="oral", frequency="twice daily", duration="12 months",
              request_type="continuation"),
    history=[
        "Pediatric liver clinic 11/20/2026 (Dr. Tomas Varga, pediatric hepatologist): "
        "Livmarli since 05/2026.",
        "Itch: caregiver score 3.5 of 4 before treatment, now 1 of 4; sleeping through the "
        "night.",
        "Listed for transplant evaluation: no; no liver transplant or biliary diversion "
        "surgery.",
        "No ascites or variceal bleeding; not taking odevixibat.",
    ],
    fails={1: "Itch: caregiver score 3.5 of 4 before treatment and still 3.5 of 4 now; "
           "still scratching through the night despite full dose."},
    missed="itching improved since starting Livmarli: itch score unchanged at 3.5 of 4",
    failed=["The itching has improved since starting Livmarli"],
    prior=[("Ursodiol, cholestyramine", "itching persisted before Livmarli")],
)
# 9-10. Position paper, crinecerfont ------------------------------------------------------
pair(
    id="paper-cah-adult-crinecerfont", pdf="synth17-paper-crinecerfont",
    payer="Pacific Crest Health Cooperative", policy="Pacific Crest position paper "
    "PP-2026-011", indication="Classic congenital adrenal hyperplasia in adults "
    "(crinecerfont)", branch="initial",
    question="Does crinecerfont meet Position 2.1 for a 27-year-old woman with classic "
    "congenital adrenal hyperplasia?",
    age=27, sex="female",
    diagnoses=[("Congenital adrenal hyperplasia, 21-hydroxylase deficiency, salt-wasting",
                "E25.0")],
    drug=dict(drug="Crenessity (crinecerfont) 100 mg capsule", dose="100 mg",
              route="oral", frequency="twice daily with meals", duration="6 months",
              request_type="initial"),
    history=[
        "Endocrinology clinic 11/03/2026 (Dr. Grace Whitfield, endocrinologist).",
        "Salt-wasting crisis at 10 days of age; CYP21A2 testing: compound heterozygous "
        "pathogenic variants (I2G splice / large deletion).",
        "Hydrocortisone 10 mg / 5 mg / 5 mg daily plus fludrocortisone 0.1 mg since "
        "childhood; plans to continue.",
        "Early-morning labs 10/27/2026 before hydrocortisone: androstenedione 612 ng/dL "
        "(reference up to 250), 17-OHP 8,900 ng/dL.",
        "No rifampin, carbamazepine or other CYP3A4 inducers.",
    ],
    fails={3: "Early-morning labs 10/27/2026 before hydrocortisone: androstenedione 180 ng/dL "
           "(reference up to 250), 17-OHP 1,100 ng/dL; androgens within target on the "
           "current dose."},
    missed="androstenedione above the upper limit of normal: 180 ng/dL, limit 250",
    failed=["Androstenedione remains above the upper limit of normal on a morning sample"],
    prior=[("Hydrocortisone and fludrocortisone", "ongoing replacement")],
)
pair(
    id="paper-cah-child-crinecerfont", pdf="synth17-paper-crinecerfont",
    payer="Pacific Crest Health Cooperative", policy="Pacific Crest position paper "
    "PP-2026-011", indication="Classic congenital adrenal hyperplasia in children 4 years "
    "and older (crinecerfont)", branch="initial",
    question="Does crinecerfont meet Position 2.2 for a boy with classic congenital adrenal "
    "hyperplasia?",
    age=9, sex="male",
    diagnoses=[("Congenital adrenal hyperplasia, 21-hydroxylase deficiency", "E25.0")],
    drug=dict(drug="Crenessity (crinecerfont) 50 mg/mL oral solution", dose="50 mg",
              route="oral", frequency="twice daily with meals", duration="6 months",
              request_type="initial"),
    history=[
        "Date of birth 03/2017 (age 9).",
        "Newborn screen 17-OHP markedly raised with salt wasting in the first week; "
        "CYP21A2 homozygous I172N confirmed by genetic testing 2017.",
        "Pediatric endocrinology 11/16/2026 (Dr. Owen Brandt, pediatric endocrinologist): "
        "height velocity 7.8 cm/year, bone age advanced by 2 years.",
        "Needs hydrocortisone 18 mg/m2/day to keep androstenedione near target; attempts "
        "to lower to 14 mg/m2/day in 2026 raised androstenedione again.",
        "Fludrocortisone 0.1 mg daily continues; no CYP3A4 inducers.",
    ],
    fails={2: "Family medicine visit 11/16/2026 (Dr. Owen Brandt, family physician, who "
           "writes the prescription): height velocity 7.8 cm/year, bone age advanced by 2 "
           "years; referral to pediatric endocrinology placed, first visit not until "
           "03/2027."},
    missed="prescriber a pediatric endocrinologist: prescribed by the family physician, "
    "endocrinology referral pending",
    failed=["The prescriber is a pediatric endocrinologist"],
    prior=[("Hydrocortisone, fludrocortisone", "high glucocorticoid dose needed")],
)


def main() -> None:
    write_pairs(PAIRS, HERE, REL, SPLIT, SOURCE, "seventeenth")


if __name__ == "__main__":
    main()

"""Write the nineteenth batch's case pairs (`cases/*.yaml`, `cases/cases.jsonl`).

    .venv/bin/python evals/policies/synthetic19/cases19.py

Each pair is one `-meets` case (every criterion of the branch documented in clinical words)
and its `-fails-one` twin, which differs only in the history lines named in `fails`.
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE.parent / "synthetic")]

from pair_cases import write_pairs  # noqa: E402

REL = "evals/policies/synthetic19"
SPLIT = "synthetic19-pairs"
SOURCE = "synthetic pair written for the nineteenth synthetic holdout policy batch"

PAIRS: list[dict] = []


def pair(**kw: object) -> None:
    PAIRS.append(kw)


# 1-2. Summary of Benefits and Coverage, roflumilast ------------------------------------
SBC = dict(pdf="synth19-sbc-roflumilast", payer="Bluewater Cooperative Health Plan",
           policy="Bluewater Silver PPO 3500 Summary of Benefits and Coverage 2026, "
           "prescription drug rows")
pair(
    id="sbc-copd-roflumilast", **SBC,
    indication="Severe COPD with chronic bronchitis and exacerbations (roflumilast tablets)",
    branch="initial",
    question="Does roflumilast meet the plan's prior authorization conditions for a 67-year-old "
    "man with severe COPD?",
    age=67, sex="male",
    diagnoses=[("Chronic obstructive pulmonary disease with (acute) exacerbation", "J44.1")],
    drug=dict(drug="Roflumilast 500 mcg tablet", dose="250 mcg for 4 weeks, then 500 mcg",
              route="oral", frequency="once daily", duration="12 months",
              request_type="initial"),
    history=[
        "Pulmonology visit 11/16/2026 (Dr. Naomi Achterberg): former smoker, 45 pack-years; "
        "coughs up sputum most mornings, and has done so every winter and spring for at "
        "least the last 4 years.",
        "Spirometry 10/28/2026: post-bronchodilator FEV1 1.12 L (41% predicted), FEV1/FVC "
        "0.48.",
        "Flares in the past year: 02/2026 treated at urgent care with prednisone and "
        "doxycycline; 07/2026 admitted 3 days to Mercy General for a flare; 10/2026 "
        "prednisone burst from primary care.",
        "Tiotropium/olodaterol (Stiolto) 2 puffs daily since 01/2025, taken regularly per "
        "pharmacy fills; all three flares happened on it; it will be continued with "
        "roflumilast.",
        "No asthma history. Liver tests and albumin normal 10/2026, no cirrhosis. BMI 27.",
    ],
    fails={1: "Spirometry 10/28/2026: post-bronchodilator FEV1 1.71 L (62% predicted), "
           "FEV1/FVC 0.58."},
    missed="post-bronchodilator FEV1 50% of predicted or less: FEV1 is 62% predicted",
    failed=["Post-bronchodilator FEV1 of 50% of predicted or less on spirometry"],
    prior=[("Tiotropium/olodaterol", "3 exacerbations in 12 months while taking it")],
)
pair(
    id="sbc-seb-roflumilast", **SBC,
    indication="Seborrheic dermatitis (roflumilast 0.3% foam)", branch="initial",
    question="Does roflumilast 0.3% foam meet the plan's prior authorization conditions for a "
    "15-year-old girl with seborrheic dermatitis?",
    age=15, sex="female",
    diagnoses=[("Seborrheic dermatitis, unspecified", "L21.9")],
    drug=dict(drug="Zoryve (roflumilast) 0.3% topical foam, 60 g", dose="thin layer",
              route="topical", frequency="once daily", duration="6 months",
              request_type="initial"),
    history=[
        "Dermatology visit 11/09/2026 (Dr. Celia Marchetti): greasy yellow scale with "
        "redness over the scalp, eyebrows, nasolabial folds and behind both ears; no "
        "plaques on elbows or knees, no nail pitting.",
        "Ketoconazole 2% shampoo three times a week and ketoconazole 2% cream twice daily "
        "to the face from 08/01/2026 to 09/15/2026 (about 6 weeks): still red and "
        "flaking.",
        "Hydrocortisone 2.5% cream twice daily to the face for 3 weeks in 09-10/2026: slight "
        "easing that came back within days of stopping.",
        "Wants treatment for the rash and itch; no cosmetic request; no liver disease.",
    ],
    fails={1: "Ketoconazole 2% shampoo used twice in 08/2026, then stopped by the patient "
           "because of the smell; no antifungal cream or other antifungal has been used."},
    missed="topical antifungal for at least 4 weeks: shampoo used twice only",
    failed=["A topical antifungal (ketoconazole or ciclopirox shampoo, cream or gel) used for"],
    prior=[("Hydrocortisone 2.5% cream", "brief improvement, relapsed")],
)
# 3-4. Portal message thread, carglumic acid --------------------------------------------
THR = dict(pdf="synth19-thread-carglumic", payer="Riverbend Health Plan",
           policy="Riverbend ProviderLink message thread 48213, carglumic acid criteria")
pair(
    id="thread-nags-carglumic", **THR,
    indication="N-acetylglutamate synthase (NAGS) deficiency with hyperammonemia "
    "(carglumic acid)", branch="initial",
    question="Does carglumic acid meet the plan's criteria for NAGS deficiency in a 2-year-old "
    "boy?",
    age=2, sex="male",
    diagnoses=[("Other disorders of urea cycle metabolism (NAGS deficiency)", "E72.29")],
    drug=dict(drug="Carbaglu (carglumic acid) 200 mg dispersible tablet", dose="50 mg/kg/day "
              "(600 mg a day at 12.1 kg), divided", route="oral", frequency="twice daily",
              duration="6 months", request_type="initial"),
    history=[
        "Admitted 09/03/2026 with vomiting and lethargy; plasma ammonia 286 micromol/L "
        "(normal up to 50 for age) on 09/03/2026.",
        "Carglumic acid given in the PICU from 09/04/2026: ammonia 94 at 12 hours and 41 at "
        "36 hours, while protein was stopped and dextrose given.",
        "NAGS gene sequencing 10/2026: two pathogenic variants, c.971G>A and c.1289T>C, one "
        "from each parent.",
        "Outpatient follow-up 11/12/2026 with Dr. Hana Whitfield, biochemical geneticist, "
        "who writes the prescription; weight today 12.1 kg, dose 50 mg/kg/day.",
        "No liver disease; not on valproate; OTC and CPS1 testing normal.",
    ],
    fails={3: "Outpatient follow-up 11/12/2026 with Dr. Peter Lund, general pediatrician, who "
           "writes the prescription; the family missed the genetics referral and no "
           "metabolic or genetics physician has been consulted since discharge; weight today "
           "12.1 kg, dose 50 mg/kg/day."},
    missed="biochemical (metabolic) geneticist prescribes or is consulted: general "
    "pediatrician only",
    failed=["A biochemical (metabolic) geneticist prescribes it or is consulted on the plan"],
    prior=[("Carglumic acid (inpatient)", "ammonia normalized within 36 hours")],
)
pair(
    id="thread-pa-carglumic", **THR,
    indication="Acute hyperammonemia in propionic or methylmalonic acidemia (carglumic acid)",
    branch="initial",
    question="Does carglumic acid meet the plan's criteria for an acute episode in a 6-year-old "
    "girl with propionic acidemia?",
    age=6, sex="female",
    diagnoses=[("Propionic acidemia", "E71.121")],
    drug=dict(drug="Carbaglu (carglumic acid) 200 mg dispersible tablet", dose="150 mg/kg/day, "
              "divided", route="oral or nasogastric", frequency="twice daily", duration="7 days",
              request_type="initial"),
    history=[
        "Propionic acidemia diagnosed on newborn screening, confirmed by raised "
        "propionylcarnitine (C3) and urine methylcitrate, and PCCB gene testing (2020).",
        "Admitted 11/20/2026 with a viral illness, vomiting and drowsiness; plasma ammonia "
        "182 micromol/L (normal up to 50) on 11/20/2026.",
        "Treatment started on admission: protein held, 10% dextrose with intralipid, "
        "sodium benzoate infusion; nephrology on standby for dialysis.",
        "Plan directed by Dr. Hana Whitfield (biochemical genetics) with the PICU team; "
        "carglumic acid requested for this episode only.",
        "No long-term carglumic acid planned; no liver failure; no valproate.",
    ],
    fails={1: "Admitted 11/20/2026 with a viral illness, vomiting and poor intake; plasma "
           "ammonia 38 micromol/L (normal up to 50) on 11/20/2026 and 41 on 11/21/2026; "
           "lactate mildly raised."},
    missed="plasma ammonia above the upper limit of normal in this episode: 38 and 41 "
    "(normal up to 50)",
    failed=["Plasma ammonia in this episode is above the upper limit of normal"],
    prior=[],
)
# 5-6. Configuration ticket, desmopressin -----------------------------------------------
TIC = dict(pdf="synth19-ticket-desmopressin", payer="Summit Valley Health",
           policy="Summit Valley UMCFG-2291 desmopressin prior authorization rules")
pair(
    id="ticket-pne-desmopressin", **TIC,
    indication="Primary nocturnal enuresis (desmopressin)", branch="initial",
    question="Does desmopressin meet scenario DDAVP-03 for an 8-year-old boy who wets the "
    "bed?",
    age=8, sex="male",
    diagnoses=[("Nocturnal enuresis", "N39.44")],
    drug=dict(drug="Desmopressin acetate 0.2 mg tablet", dose="0.2 mg, may increase to 0.4 "
              "mg", route="oral", frequency="once at bedtime", duration="3 months",
              request_type="initial"),
    history=[
        "Pediatric visit 11/10/2026 (Dr. Lucia Fontaine): has never been dry at night for "
        "more than a few weeks; wet 5 of 7 nights on a 2-week chart; dry and continent "
        "during the day, no urgency, daily soft stools.",
        "Urinalysis 11/10/2026: specific gravity 1.020, no glucose, protein, leukocytes or "
        "nitrite.",
        "Bedwetting alarm used every night from 07/01/2026 to 09/10/2026 (10 weeks): he "
        "slept through it and was still wet most nights.",
        "Parents taught to give no drinks from an hour before the tablet until morning, and "
        "to skip the dose on nights with vomiting or a fever.",
        "Request is for tablets. Sodium 140 mmol/L, creatinine normal; never had low "
        "sodium; no other medicines.",
    ],
    fails={2: "Bedwetting alarm tried for 3 weeks in 08/2026 and stopped because it woke his "
           "sister; the parents are willing to try it again and no reason against an alarm "
           "is recorded."},
    missed="enuresis alarm for 8 weeks, or a written reason an alarm cannot be used: 3-week "
    "trial, no reason recorded",
    failed=["an enuresis alarm was used nightly for at least 8 weeks without",
            "the family cannot use an alarm, with the reason written down"],
    prior=[("Enuresis alarm", "no response after 10 weeks")],
)
pair(
    id="ticket-cdi-desmopressin-renewal", **TIC,
    indication="Central diabetes insipidus (desmopressin)", branch="continuation",
    question="Does desmopressin meet renewal scenario DDAVP-02 for a 52-year-old woman with "
    "central diabetes insipidus?",
    age=52, sex="female",
    diagnoses=[("Diabetes insipidus (central, after pituitary surgery)", "E23.2")],
    drug=dict(drug="Desmopressin acetate 0.1 mg tablet", dose="0.1 mg", route="oral",
              frequency="twice daily", duration="12 months", request_type="continuation"),
    history=[
        "Central diabetes insipidus after transsphenoidal removal of a craniopharyngioma in "
        "2023, confirmed by water deprivation test; desmopressin approved by the plan since "
        "2024, current approval ends 01/15/2027.",
        "Endocrinology visit 11/18/2026 (Dr. Omar Haddad): drinks about 2 litres a day, "
        "gets up once a night, no excess thirst on 0.1 mg twice daily.",
        "Serum sodium 139 mmol/L on 09/22/2026 and 141 on 05/14/2026.",
        "No headaches, confusion or swelling; eGFR 88; not taking nasal desmopressin.",
    ],
    fails={2: "Serum sodium 139 mmol/L on 12/03/2025; no sodium or other blood test since "
           "then (about 11 months)."},
    missed="serum sodium checked in the last 6 months: last one 11 months ago",
    failed=["Serum sodium has been checked in the last 6 months and was"],
    prior=[("Desmopressin", "symptoms controlled since 2024")],
)
# 7-8. EHR SmartPhrase, tasimelteon -----------------------------------------------------
SMP = dict(pdf="synth19-smartphrase-tasimelteon", payer="Northfield Community Health Plan",
           policy="Northfield .PAHETLIOZ tasimelteon review template")
pair(
    id="smartphrase-n24-tasimelteon", **SMP,
    indication="Non-24-hour sleep-wake disorder in totally blind adults (tasimelteon)",
    branch="initial",
    question="Does tasimelteon meet the plan's criteria for a 44-year-old blind man with a "
    "free-running sleep pattern?",
    age=44, sex="male",
    diagnoses=[("Circadian rhythm sleep disorder, free running type", "G47.24"),
               ("Bilateral blindness after retinopathy of prematurity", "H54.0X")],
    drug=dict(drug="Hetlioz (tasimelteon) 20 mg capsule", dose="20 mg", route="oral",
              frequency="once nightly, 1 hour before bedtime", duration="6 months",
              request_type="initial"),
    history=[
        "Ophthalmology exam 06/2026: no light perception in the right or left eye "
        "(retinopathy of prematurity, blind since birth).",
        "Sleep clinic 11/04/2026 (Dr. Ruth Albrecht, sleep medicine): 6-week sleep diary "
        "and wrist actigraphy show sleep onset moving about 40 minutes later each day, "
        "cycling through the whole clock; daytime sleepiness when out of phase.",
        "Melatonin 3 mg at 10 pm every night from 05/2026 to 09/2026 (4 months): the "
        "sleep times kept drifting.",
        "No fluvoxamine, rifampin or ramelteon; melatonin stopped 09/2026; works from home.",
    ],
    fails={0: "Ophthalmology exam 06/2026: light perception present in the left eye (can tell "
           "light from dark), no light perception in the right eye."},
    missed="totally blind with no light perception in either eye: light perception in the "
    "left eye",
    failed=["Totally blind: no light perception in either eye, per an eye examination"],
    prior=[("Melatonin 3 mg", "no entrainment after 4 months")],
)
pair(
    id="smartphrase-sms-tasimelteon", **SMP,
    indication="Nighttime sleep disturbance in Smith-Magenis syndrome (tasimelteon)",
    branch="initial",
    question="Does tasimelteon meet the plan's criteria for a 9-year-old girl with "
    "Smith-Magenis syndrome who wakes at night?",
    age=9, sex="female",
    diagnoses=[("Smith-Magenis syndrome (17p11.2 deletion)", "Q93.88"),
               ("Sleep disorder, unspecified", "G47.9")],
    drug=dict(drug="Hetlioz LQ (tasimelteon) 4 mg/mL oral suspension", dose="0.7 mg/kg (21 "
              "mg at 30 kg)", route="oral", frequency="once nightly, 1 hour before bedtime",
              duration="12 months", request_type="initial"),
    history=[
        "Chromosomal microarray 2019: 3.7 Mb deletion at 17p11.2 consistent with "
        "Smith-Magenis syndrome.",
        "Parents' sleep diary 10/01/2026 to 10/28/2026: awake 2 to 3 times each night and "
        "up for the day between 3:30 and 4:30 am, with naps in the afternoon.",
        "Developmental pediatrics visit 11/06/2026 (Dr. Anika Sorensen) requests the liquid "
        "suspension; weight 30 kg.",
        "No insomnia medicine, ramelteon or melatonin now; no fluvoxamine or rifampin.",
    ],
    fails={2: "Developmental pediatrics visit 11/06/2026 (Dr. Anika Sorensen) requests Hetlioz "
           "20 mg capsules, to be opened and sprinkled; weight 30 kg."},
    missed="suspension for members under 16: capsules requested for a 9-year-old",
    failed=["Suspension for members under 16 years and capsules for those 16 or"],
    prior=[("Melatonin", "stopped 2025, night waking continued")],
)
# 9-10. Point-count scorecard, nitisinone ------------------------------------------------
SCO = dict(pdf="synth19-scorecard-nitisinone", payer="Prairie Hills Health Cooperative",
           policy="Prairie Hills nitisinone scorecard SC-NIT-2026")
pair(
    id="scorecard-ht1-nitisinone-renewal", **SCO,
    indication="Hereditary tyrosinemia type 1 (nitisinone)", branch="continuation",
    question="Does nitisinone meet renewal sheet A2 for a 5-year-old boy with hereditary "
    "tyrosinemia type 1?",
    age=5, sex="male",
    diagnoses=[("Tyrosinemia (hereditary tyrosinemia type 1)", "E70.21")],
    drug=dict(drug="Nitisinone 10 mg capsule", dose="1 mg/kg/day (20 mg)", route="oral",
              frequency="once daily", duration="12 months", request_type="continuation"),
    history=[
        "HT-1 found on newborn screening (succinylacetone raised), FAH variants confirmed; "
        "on nitisinone and a tyrosine- and phenylalanine-restricted formula since the "
        "second week of life.",
        "Blood spot succinylacetone undetectable on 10/14/2026 and 04/2026.",
        "Plasma tyrosine 380 micromol/L on 10/14/2026 on diet with metabolic dietitian "
        "review.",
        "Alpha-fetoprotein 3 ng/mL (normal) and liver ultrasound without nodules on "
        "08/2026.",
        "Metabolic clinic 11/02/2026 (Dr. Yusuf Demir, metabolic geneticist); no liver "
        "transplant.",
    ],
    fails={2: "Plasma tyrosine 720 micromol/L on 10/14/2026; the family has loosened the diet "
           "and missed dietitian visits."},
    missed="plasma tyrosine below 500 micromol/L in the last 6 months: 720",
    failed=["Plasma tyrosine was measured in the last 6 months and was below"],
    prior=[("Nitisinone with diet", "succinylacetone suppressed")],
)
pair(
    id="scorecard-aku-nitisinone", **SCO,
    indication="Alkaptonuria (nitisinone)", branch="initial",
    question="Does nitisinone meet sheet B of the scorecard for a 48-year-old man with "
    "alkaptonuria?",
    age=48, sex="male",
    diagnoses=[("Other disorders of aromatic amino-acid metabolism (alkaptonuria)", "E70.29")],
    drug=dict(drug="Harliku (nitisinone) 2 mg tablet", dose="2 mg", route="oral",
              frequency="once daily", duration="12 months", request_type="initial"),
    history=[
        "Urine homogentisic acid 4.6 g/24 h on quantitative testing 09/2026 (normally "
        "absent); urine darkens on standing since childhood.",
        "Examination 10/19/2026 (Dr. Ilse Brandt, metabolic medicine): slate-blue patches "
        "on both sclerae and grey-blue ear cartilage.",
        "MRI lumbar spine 08/2026: disc calcification and narrowing at several levels with "
        "early degenerative change in both hips on x-ray, typical of ochronotic "
        "arthropathy.",
        "Echocardiogram 09/2026: normal aortic valve. Renal ultrasound: no stones.",
        "Baseline plasma tyrosine and slit-lamp eye exam booked for weeks 4 and 8 after "
        "starting.",
    ],
    fails={2: "MRI lumbar spine 08/2026 and hip x-rays: normal for age, no disc calcification "
           "or joint narrowing; he has no back or joint pain."},
    missed="two optional findings needed for a total of 8: only scleral and ear ochronosis "
    "(no arthropathy, normal aortic valve, no stones)",
    failed=["Back or large-joint arthropathy on x-ray or MRI"],
    prior=[],
)


def main() -> None:
    write_pairs(PAIRS, HERE, REL, SPLIT, SOURCE, "nineteenth")


if __name__ == "__main__":
    main()

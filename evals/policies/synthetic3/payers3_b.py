"""Third synthetic batch, part B: an Optum Rx/Magellan-style prior authorization guideline
with a box per diagnosis and therapy stage and nested bullets (somatropin), a medical
necessity guideline whose criteria run across two page breaks under a "(continued)" line
(PCSK9 inhibitors), and a Regence/Wellmark-style medication policy with "Coverage for ... is
considered medically necessary when:" and bold "Must meet ALL of the following" lead-ins
(onabotulinumtoxinA). Our own words, fictional plans."""

from __future__ import annotations

from payers3_a import BACKGROUND, keyvals, rule
from render import Crit, Doc, Ind, Item, Style, bullet, c, g, letters, numbers, romans, upper

# =========================================================================================
# 4. Optum Rx / Magellan-style prior authorization guideline: somatropin. Each diagnosis and
#    therapy stage opens with a two-column box (Product Name, Diagnosis, Approval Length,
#    Therapy Stage, Guideline Type); the criteria are bullets nested as •, o, § with AND / OR
#    at the end of items and "One of the following" lead-ins.
# =========================================================================================

OPTUM = Style(markers=[bullet("•"), bullet("o"), bullet("§")],
              end={"all_of": " AND", "any_of": " OR"})
PRODUCTS = "Genotropin, Humatrope, Norditropin, Nutropin AQ, Omnitrope, Saizen, Zomacton"


def optum_somatropin() -> tuple[Doc, list[Ind], list[str]]:
    org = "Summit Ridge Pharmacy Services"

    def header(d: Doc) -> None:
        d.set_font("helvetica", "B", 9)
        d.set_text_color(200, 80, 0)
        d.set_xy(d.l_margin, 8)
        d.cell(0, 4, org, align="L")
        d.set_text_color(60)
        d.set_font("helvetica", "", 8.5)
        d.set_xy(d.l_margin, 8)
        d.cell(0, 4, "Prior Authorization Guideline", align="R")
        d.set_y(17)

    def footer(d: Doc) -> None:
        d.set_y(-14)
        d.set_font("helvetica", "", 7.5)
        d.set_text_color(90)
        d.cell(0, 3.5, f"(c) 2026 {org}. All rights reserved. Confidential and proprietary.",
               align="L")
        d.set_x(d.l_margin)
        d.cell(0, 3.5, f"Page {d.page_no()}", align="R")

    d = Doc(header, footer)
    d.add_page()
    d.table_head([45, d.width - 45], ["Guideline ID", "GL-66231"])
    for k, v in [("Guideline Name", "Growth Hormone - Somatropin Products"),
                 ("Formulary", "Commercial, Exchange, Employer Group"),
                 ("Guideline Note", "Effective Date: 05/01/2026; P&T Approval Date: "
                                    "03/19/2026")]:
        d.row([k, v])
    d.end_table()
    d.heading("1. Indications", 11)
    d.para(f"Drug Name: Somatropin ({PRODUCTS})", style="B", size=9.5)
    d.para("Somatropin is recombinant human growth hormone. Labeled uses vary by product and "
           "include growth failure from growth hormone deficiency, Turner syndrome, Prader-Willi "
           "syndrome, Noonan syndrome, chronic kidney disease, short stature homeobox gene "
           "deficiency and small for gestational age, and replacement in adults with growth "
           "hormone deficiency. This guideline covers the four uses listed in section 2.",
           size=9.5)
    d.heading("2. Criteria", 11)

    inds: list[Ind] = []

    def block(diagnosis: str, length: str, stage: str, root: Crit) -> None:
        if d.get_y() > d.h - 80:
            d.add_page()
        d.ln(2)
        d.table_head([45, d.width - 45], ["Product Name:", PRODUCTS])
        for k, v in [("Diagnosis", diagnosis), ("Approval Length", length),
                     ("Therapy Stage", stage), ("Guideline Type", "Prior Authorization")]:
            d.row([k, v])
        d.end_table()
        d.para("Approval Criteria", style="B")
        d.items(OPTUM.items(root), base=2)

    def indication(name: str, init: Crit, cont: Crit | None, aliases: list[str],
                   icd: list[str], init_len: str = "12 month(s)") -> None:
        block(name, init_len, "Initial Authorization", init)
        if cont is not None:
            block(name, "12 month(s)", "Reauthorization", cont)
        inds.append(Ind(name, f"Diagnosis {name} Approval Length", aliases, icd, init, cont,
                        "Therapy Stage Reauthorization" if cont else ""))

    endo_peds = c("Prescribed by or in consultation with a pediatric endocrinologist")
    open_epi = c("Epiphyses are open, confirmed by a bone age X-ray of the hand and wrist")

    pghd = g("all_of", "",
             c("Diagnosis of growth hormone deficiency in a child or adolescent"),
             open_epi,
             g("at_least", "At least two of the following:",
               c("Height more than 2 standard deviations below the mean for age and sex"),
               c("Height velocity below the 25th percentile for age, measured over at least 6 "
                 "months"),
               c("Height more than 1.5 standard deviations below the mid-parental height"),
               c("Bone age delayed by at least 2 years compared with chronological age"),
               n=2),
             g("any_of", "One of the following:",
               c("Two growth hormone stimulation tests with peaks below 10 ng/mL, using two "
                 "different agents (such as arginine, clonidine or glucagon)"),
               g("all_of", "All of the following:",
                 c("A pituitary or hypothalamic lesion, surgery, cranial irradiation, or a "
                   "known genetic cause"),
                 c("Deficiency of at least one other pituitary hormone"),
                 c("Insulin-like growth factor 1 (IGF-1) below the normal range for age and "
                   "sex")),
               c("Newborn with hypoglycemia and a serum growth hormone below 5 ng/mL")),
             c("Hypothyroidism, celiac disease and other causes of poor growth have been ruled "
               "out or treated"),
             endo_peds)
    pghd_r = g("all_of", "",
               c("Epiphyses remain open"),
               g("any_of", "One of the following:",
                 c("Height velocity of at least 2.5 cm per year over the past 12 months"),
                 c("Height velocity at least 2 cm per year faster than before treatment")),
               endo_peds)
    indication("Pediatric Growth Hormone Deficiency", pghd, pghd_r,
               ["GHD", "pediatric GHD", "growth hormone deficiency"], ["E23.0"])

    ts = g("all_of", "",
           c("Diagnosis of Turner syndrome confirmed by karyotype"),
           c("Height below the 5th percentile for age on a Turner-specific or standard growth "
             "chart"),
           open_epi, endo_peds)
    ts_r = g("all_of", "",
             c("Epiphyses remain open"),
             c("Height velocity of at least 2.5 cm per year over the past 12 months"))
    indication("Turner Syndrome", ts, ts_r, ["TS"], ["Q96.0-Q96.9"])

    pws = g("all_of", "",
            c("Diagnosis of Prader-Willi syndrome confirmed by genetic testing"),
            c("Sleep study or evaluation for obstructive sleep apnea done before the first "
              "dose"),
            c("Patient does not have severe obesity or severe respiratory impairment"),
            c("Prescribed by or in consultation with an endocrinologist"))
    indication("Prader-Willi Syndrome", pws, None, ["PWS"], ["Q87.11"])

    aghd = g("all_of", "",
             g("any_of", "One of the following:",
               g("any_of", "Failed one growth hormone stimulation test, shown by one of the "
                 "following:",
                 c("Insulin tolerance test with a peak growth hormone of 5 ng/mL or less"),
                 c("Glucagon stimulation test with a peak of 3 ng/mL or less (1 ng/mL or less "
                   "if body mass index is above 30)"),
                 c("Macimorelin test with a peak below 2.8 ng/mL")),
               c("Deficiency of three or more other pituitary hormones and an IGF-1 below the "
                 "normal range for age and sex"),
               c("Growth hormone deficiency since childhood from a genetic or structural cause "
                 "confirmed at that time")),
             c("Other pituitary hormone deficiencies are treated with stable replacement "
               "doses"),
             c("Prescribed by or in consultation with an endocrinologist"))
    aghd_r = g("all_of", "",
               c("IGF-1 measured within the past 12 months is within the normal range for age "
                 "and sex"),
               c("Prescriber documents a benefit, such as better body composition, energy or "
                 "quality of life"))
    indication("Adult Growth Hormone Deficiency", aghd, aghd_r, ["AGHD", "adult GHD"],
               ["E23.0"])

    d.heading("3. Exclusions", 11)
    d.para("Coverage is not provided for somatropin when used for:", size=9.5)
    excl = ["Idiopathic short stature", "Constitutional delay of growth and puberty",
            "Anti-aging or improvement of athletic performance",
            "Obesity without Prader-Willi syndrome"]
    d.items([Item(0, "•", t) for t in excl], base=2)
    d.heading("4. Endnotes", 11)
    d.items([Item(0, f"{k + 1}.", t) for k, t in enumerate([
        "Stimulation test cut-offs depend on the assay; the values above are those most plans "
        "use.", "A child who has reached final height is reviewed under the adult diagnosis.",
        "Sex steroid priming before a stimulation test is at the endocrinologist's discretion."
    ])], base=2)
    d.heading("5. References", 11)
    d.items([Item(0, f"{k + 1}.", t) for k, t in enumerate([
        "Somatropin product prescribing information (several manufacturers), 2024-2025.",
        "Halvorsen J, et al. Diagnosing growth hormone deficiency in children: a consensus "
        "update. Pediatr Endocr Rev. 2023;21:1-22.",
        "Mbeki T, Sato R. Adult growth hormone replacement: who benefits? Endocr Pract Rev. "
        "2022;9:88-101."])], base=2)
    d.heading("6. Revision History", 11)
    d.table_head([35, d.width - 35], ["Date", "Notes"])
    d.row(["05/01/2026", "Macimorelin cut-off added; Turner reauthorization simplified."])
    d.row(["02/15/2025", "Annual review."])
    d.end_table()
    return d, inds, excl


# =========================================================================================
# 5. Medical necessity guideline whose criteria run across two page breaks: PCSK9 inhibitors.
#    Every page after the first repeats the running header, and a page that opens inside a
#    criteria section first prints that section's heading with "(continued)".
# =========================================================================================

PCSK = Style(markers=[numbers, letters, romans], end={"all_of": " AND", "any_of": " OR"},
             last_takes_parent=True)


def granite_pcsk9() -> tuple[Doc, list[Ind], list[str]]:
    plan = "Granite Valley Health Plan"
    state = {"cont": ""}

    def header(d: Doc) -> None:
        d.set_font("helvetica", "", 8.5)
        d.set_xy(d.l_margin, 9)
        d.cell(0, 4, f"{plan}  -  Pharmacy Medical Necessity Guideline", align="L")
        d.set_xy(d.l_margin, 9)
        d.cell(0, 4, "PCSK9 Inhibitors", align="R")
        rule(d, 14)
        d.set_y(18)
        if state["cont"]:
            d.set_font("helvetica", "B", 10)
            d.cell(0, 5, f"{state['cont']} (continued)", new_x="LMARGIN", new_y="NEXT")
            d.ln(1)

    def footer(d: Doc) -> None:
        d.set_y(-16)
        d.set_font("helvetica", "", 7.5)
        d.set_text_color(90)
        d.cell(0, 3.5, "Guideline PH-318  |  Approved by the Pharmacy and Therapeutics "
               f"Committee 02/2026  |  Page {d.page_no()} of {{nb}}", align="C",
               new_x="LMARGIN", new_y="NEXT")
        d.cell(0, 3.5, "This guideline is not a guarantee of payment; member benefits and "
               "eligibility apply.", align="C")

    d = Doc(header, footer)
    d.add_page()
    d.set_font("helvetica", "B", 14)
    d.multi_cell(d.width, 7, "Pharmacy Medical Necessity Guideline:\nPCSK9 Inhibitors",
                 new_x="LMARGIN", new_y="NEXT")
    keyvals(d, [("Medications:", "Praluent® (alirocumab), Repatha® (evolocumab)"),
                ("Guideline number:", "PH-318"), ("Effective date:", "April 1, 2026")])
    d.heading("I. Overview", 11)
    d.para("Alirocumab and evolocumab are monoclonal antibodies against proprotein convertase "
           "subtilisin/kexin type 9 (PCSK9). Given every 2 or 4 weeks by subcutaneous injection "
           "with a statin, they lower low-density lipoprotein cholesterol (LDL-C) by about 50% "
           "to 60%. Praluent is the preferred product.")
    d.heading("II. Definitions", 11)
    d.para("High-intensity statin: atorvastatin 40 to 80 mg or rosuvastatin 20 to 40 mg daily. "
           "Maximally tolerated statin: the highest statin dose the member can take without "
           "intolerable side effects. LDL-C values are those of a fasting or non-fasting lipid "
           "panel.", size=9.5)
    d.heading("III. Clinical Criteria", 11)
    d.para("Praluent or Repatha is considered medically necessary when the member meets the "
           "criteria of one of sections A to C below for the initial request, or section D for "
           "a reauthorization.", size=9.5)
    d.para("Documentation to submit with every request:", style="B", size=9.5)
    d.items([Item(0, "-", t) for t in [
        "The two most recent lipid panels, with dates, and the lipid-lowering drugs and doses "
        "taken at the time of each",
        "Chart notes naming the qualifying diagnosis (ASCVD event, genetic result or clinical "
        "score)",
        "For statin intolerance: the statins tried, doses, dates, symptoms and creatine "
        "kinase values",
        "Pharmacy claims or a medication list showing statin and ezetimibe use"]], base=3)
    d.para("LDL-C thresholds in this guideline are those at which the plan's reviewers judged "
           "that adding a PCSK9 inhibitor lowers the risk of a cardiovascular event enough to "
           "outweigh its cost, for members already taking the other drugs required below.",
           size=9.5)

    def section(title: str, root: Crit, duration: str) -> None:
        d.heading(title, 10.5, space=2)
        state["cont"] = title
        d.para(root.text)
        d.items(PCSK.items(root), base=3)
        d.para(f"Initial approval: {duration}", style="B", size=9.5)

    statin = g("any_of", "Statin therapy, shown by ONE of the following:",
               c("Member has taken a high-intensity statin for at least 8 continuous weeks and "
                 "will keep taking it"),
               g("any_of", "Member is statin intolerant, shown by ONE of the following:",
                 c("Rhabdomyolysis, or creatine kinase above 10 times the upper limit of "
                   "normal, while taking a statin"),
                 c("Muscle symptoms with at least two different statins, each improving when "
                   "that statin was stopped"),
                 c("A contraindication to all statins, such as active liver disease")))
    ezet = c("Member has taken ezetimibe 10 mg daily for at least 8 weeks with the statin "
             "regimen above, or cannot take ezetimibe")
    repatha = c("If the request is for Repatha, the member had an inadequate response to, or "
                "could not tolerate, Praluent")
    no_combo = c("The drug will not be used together with inclisiran or another PCSK9 inhibitor")
    spec = c("Prescribed by or in consultation with a cardiologist, endocrinologist or lipid "
             "specialist")

    ascvd = g("all_of", "Approve when ALL of the following are met:",
              c("Member is 18 years of age or older"),
              g("any_of", "Clinical atherosclerotic cardiovascular disease, shown by ONE of the "
                "following:",
                c("Acute coronary syndrome or myocardial infarction"),
                c("Stable or unstable angina with documented coronary artery disease"),
                c("Coronary or other arterial revascularization"),
                c("Ischemic stroke or transient ischemic attack of atherosclerotic origin"),
                c("Peripheral artery disease of atherosclerotic origin, with an ankle-brachial "
                  "index below 0.9 or a prior revascularization")),
              c("LDL-C of 70 mg/dL or higher, measured within the last 90 days while on the "
                "regimen below"),
              statin, ezet, repatha, spec, no_combo)
    section("A. Clinical Atherosclerotic Cardiovascular Disease (ASCVD)", ascvd, "12 months")

    hefh = g("all_of", "Approve when ALL of the following are met:",
             c("Member is 10 years of age or older"),
             g("any_of", "Diagnosis of heterozygous familial hypercholesterolemia confirmed by "
               "ONE of the following:",
               c("Genetic test showing a pathogenic variant in LDLR, APOB or PCSK9"),
               c("Dutch Lipid Clinic Network score above 8"),
               c("Simon Broome criteria for definite familial hypercholesterolemia"),
               c("Untreated LDL-C of 190 mg/dL or higher (160 mg/dL or higher under age 18) and "
                 "a first-degree relative with the same finding or premature ASCVD")),
             c("LDL-C of 100 mg/dL or higher, measured within the last 90 days while on the "
               "regimen below"),
             statin, ezet, repatha, spec, no_combo)
    section("B. Heterozygous Familial Hypercholesterolemia (HeFH)", hefh, "12 months")
    d.para("Note: A member who has both HeFH and clinical ASCVD may be reviewed under either "
           "section; the lower LDL-C threshold of section A then applies. Children aged 10 to "
           "17 are reviewed under section B with the pediatric LDL-C value in criterion 2.d.",
           style="I", size=9)

    hofh = g("all_of", "Approve when ALL of the following are met:",
             c("Member is 10 years of age or older"),
             g("any_of", "Diagnosis of homozygous familial hypercholesterolemia confirmed by ONE "
               "of the following:",
               c("Genetic test showing two pathogenic variants affecting the LDL receptor "
                 "pathway"),
               c("Untreated LDL-C above 400 mg/dL with tendon or skin xanthomas before age 10, "
                 "or with both parents having familial hypercholesterolemia")),
             c("Member will keep taking other lipid-lowering therapy, such as a statin, "
               "ezetimibe or lipoprotein apheresis"),
             spec, no_combo)
    section("C. Homozygous Familial Hypercholesterolemia (HoFH)", hofh, "12 months")

    reauth = g("all_of", "Reauthorize when ALL of the following are met:",
               c("Member has been taking the PCSK9 inhibitor as prescribed, with pharmacy "
                 "claims covering at least 80% of days"),
               c("LDL-C measured within the last 12 months is lower than before the PCSK9 "
                 "inhibitor was started"),
               c("Member keeps taking a statin at the maximally tolerated dose, unless statin "
                 "intolerant"))
    d.heading("D. Reauthorization (all indications in sections A to C)", 10.5, space=2)
    state["cont"] = "D. Reauthorization (all indications in sections A to C)"
    d.para(reauth.text)
    d.items(PCSK.items(reauth), base=3)
    d.para("Reauthorization: 12 months", style="B", size=9.5)
    d.heading("E. Not Medically Necessary", 10.5, space=2)
    d.para("The plan considers PCSK9 inhibitors not medically necessary for:")
    excl = ["Primary prevention in a member without ASCVD or familial hypercholesterolemia",
            "Lowering lipoprotein(a) when LDL-C is at goal",
            "Use together with inclisiran (Leqvio)",
            "Severe hypertriglyceridemia as the only lipid disorder"]
    d.items([Item(0, f"{k + 1}.", t) for k, t in enumerate(excl)], base=3)
    state["cont"] = ""

    d.heading("IV. Dosing and Quantity Limits", 11)
    d.table_head([40, d.width - 80, 40], ["Drug", "Dose", "Quantity limit"])
    d.row(["Praluent", "75 or 150 mg every 2 weeks, or 300 mg every 4 weeks", "2 pens / 28 days"])
    d.row(["Repatha", "140 mg every 2 weeks or 420 mg once monthly", "2 pens / 28 days"])
    d.end_table()
    d.heading("V. Background", 11)
    d.para(BACKGROUND, size=9)
    d.heading("VI. References", 11)
    d.items([Item(0, f"{k + 1}.", t) for k, t in enumerate([
        "Praluent and Repatha prescribing information. Revised 2025.",
        "Kowalczyk A, et al. LDL-C thresholds for adding non-statin therapy: a guideline "
        "review. Lipid Clin Rev. 2024;16:5-31.",
        "Ferreira L. Familial hypercholesterolemia in children: diagnosis and treatment. "
        "Pediatr Lipidol. 2022;4:44-60."])], base=3)
    d.heading("VII. Revision History", 11)
    d.table_head([35, d.width - 35], ["Date", "Revision"])
    d.row(["02/2026", "HeFH age lowered to 10; Praluent made the preferred product."])
    d.row(["02/2025", "Annual review."])
    d.end_table()
    reauth_anchor = "D. Reauthorization (all indications in sections A to C)"
    inds = [
        Ind("Clinical Atherosclerotic Cardiovascular Disease",
            "A. Clinical Atherosclerotic Cardiovascular Disease (ASCVD) Approve", ["ASCVD"], [],
            ascvd, reauth, reauth_anchor),
        Ind("Heterozygous Familial Hypercholesterolemia",
            "B. Heterozygous Familial Hypercholesterolemia (HeFH) Approve", ["HeFH"],
            ["E78.01"], hefh, reauth, reauth_anchor),
        Ind("Homozygous Familial Hypercholesterolemia",
            "C. Homozygous Familial Hypercholesterolemia (HoFH) Approve", ["HoFH"], ["E78.01"],
            hofh, reauth, reauth_anchor),
    ]
    return d, inds, excl


# =========================================================================================
# 6. Regence / Wellmark-style medication policy: onabotulinumtoxinA. Each condition is
#    introduced by "Coverage for <condition> is considered medically necessary when:" and a
#    bold "Must meet ALL of the following:" lead-in; nested "Must meet ONE / BOTH / at least
#    TWO of the following:"; continuation in its own numbered section.
# =========================================================================================

REGENCE = Style(markers=[upper, numbers, letters, romans])


def regence_botulinum() -> tuple[Doc, list[Ind], list[str]]:
    plan = "Evergreen Ridge BlueCross"

    def header(d: Doc) -> None:
        d.set_font("helvetica", "B", 9)
        d.set_text_color(0, 70, 120)
        d.set_xy(d.l_margin, 8)
        d.cell(0, 4, "Medication Policy Manual", align="L")
        d.set_font("helvetica", "", 8.5)
        d.set_text_color(40)
        d.set_xy(d.l_margin, 8)
        d.cell(0, 4, "Policy No: dru144", align="R", new_x="LMARGIN", new_y="NEXT")
        d.cell(0, 4, "Topic: OnabotulinumtoxinA (Botox®)", align="L")
        d.set_xy(d.l_margin, 12)
        d.cell(0, 4, "Effective Date: July 1, 2026", align="R")
        rule(d, 17.5, 120)
        d.set_y(21)

    def footer(d: Doc) -> None:
        d.set_y(-14)
        d.set_font("helvetica", "", 7.5)
        d.set_text_color(90)
        d.cell(0, 3.5, f"dru144.9  |  {plan} is an independent licensee of a national "
               "association of health plans.", align="L")
        d.set_x(d.l_margin)
        d.cell(0, 3.5, f"Page {d.page_no()}", align="R")

    d = Doc(header, footer)
    d.add_page()
    d.set_font("helvetica", "B", 9)
    d.table_head([d.width / 3] * 3, ["Date of Origin: March 2011",
                                     "Committee Approval Date: May 14, 2026",
                                     "Next Review Date: May 2027"])
    d.end_table()
    d.heading("IMPORTANT REMINDER", 10)
    d.para("This medication policy is a guide to medical necessity; it does not decide benefits. "
           "The member's contract language governs, and state or federal mandates may apply. "
           "Other botulinum toxins (abobotulinumtoxinA, incobotulinumtoxinA, "
           "rimabotulinumtoxinB) are addressed in policy dru145.", size=8.5, style="I")
    d.heading("Description", 11)
    d.para("OnabotulinumtoxinA is a neurotoxin that blocks the release of acetylcholine at the "
           "nerve ending. Injected into muscle, skin or the bladder wall, it relaxes the muscle "
           "or reduces gland activity for about 3 months. " + BACKGROUND)
    d.heading("Policy / Criteria", 11)
    d.para("I. Initial authorization", style="B")

    inds: list[Ind] = []

    def condition(label: str, name: str, root: Crit, period: str) -> None:
        d.set_font("helvetica", "B", 10)
        d.multi_cell(d.width, 4.8, f"{label}. {root.text}", new_x="LMARGIN", new_y="NEXT")
        d.ln(1)
        d.items([Item(1, "", "Must meet ALL of the following:", "B")]
                + REGENCE.items(g("all_of", "", *root.kids), level=1), base=2)
        d.para(f"Authorization period: {period}", indent=8.5, size=9.5)

    def lead(name: str) -> str:
        return f"Coverage for {name} is considered medically necessary when:"

    cm = g("all_of", lead("prevention of chronic migraine"),
           c("Patient is 18 years of age or older"),
           c("Headache on 15 or more days a month for at least 3 months, with features of "
             "migraine on at least 8 of those days"),
           c("Prescribed by, or after consultation with, a neurologist or headache specialist"),
           g("any_of", "Must meet ONE of the following:",
             g("at_least", "Inadequate response to, or intolerance of, at least TWO of the "
               "following preventive classes, each tried for at least 8 weeks:",
               c("Beta blockers (propranolol, metoprolol or timolol)"),
               c("Anticonvulsants (topiramate or divalproex)"),
               c("Tricyclic antidepressants (amitriptyline or nortriptyline)"),
               c("Venlafaxine"),
               c("Candesartan"), n=2),
             c("Contraindication to every preventive class listed above")),
           c("Overuse of acute headache medicines has been assessed and, where present, "
             "addressed"),
           c("Not given together with a calcitonin gene-related peptide (CGRP) monoclonal "
             "antibody for migraine prevention"))
    condition("A", "Chronic migraine", cm, "6 months (two treatment sessions)")

    cd = g("all_of", lead("cervical dystonia"),
           c("Patient is 16 years of age or older"),
           c("Involuntary contraction of neck muscles causing an abnormal head position, such "
             "as torticollis, laterocollis, anterocollis or retrocollis"),
           g("any_of", "Must meet ONE of the following:",
             c("Neck pain due to the dystonia"),
             c("Dystonia limits daily activities such as driving, reading or working")),
           c("Drug-induced dystonia (for example from a dopamine-blocking drug) has been ruled "
             "out"))
    condition("B", "Cervical dystonia", cd, "12 months")

    hh = g("all_of", lead("severe primary axillary hyperhidrosis"),
           c("Sweating of the underarms that interferes with daily activities or causes skin "
             "maceration or infection"),
           c("Secondary causes, such as hyperthyroidism or a medicine, have been ruled out"),
           c("Inadequate response after at least 1 month of a prescription-strength aluminum "
             "chloride antiperspirant, or intolerance of it"))
    condition("C", "Severe primary axillary hyperhidrosis", hh, "12 months")

    ob = g("all_of", lead("overactive bladder or neurogenic detrusor overactivity"),
           c("Patient is 18 years of age or older"),
           g("any_of", "Must meet ONE of the following:",
             c("Overactive bladder with urge urinary incontinence, urgency and frequency"),
             c("Urinary incontinence from neurogenic detrusor overactivity due to spinal cord "
               "injury or multiple sclerosis")),
           g("all_of", "Must meet BOTH of the following:",
             c("Inadequate response to, or intolerance of, at least 4 weeks of an "
               "anticholinergic (such as oxybutynin, solifenacin or trospium)"),
             c("Inadequate response to, or intolerance of, at least 4 weeks of a beta-3 "
               "agonist (mirabegron or vibegron)")),
           c("Urinary tract infection has been ruled out by urinalysis or culture before "
             "treatment"),
           c("Patient is able and willing to perform clean intermittent self-catheterization "
             "if urinary retention occurs"))
    condition("D", "Overactive bladder", ob, "12 months")

    sp = g("all_of", lead("upper or lower limb spasticity"),
           c("Spasticity caused by stroke, brain injury, cerebral palsy, multiple sclerosis or "
             "spinal cord injury"),
           c("Spasticity causes pain or limits function, hygiene or positioning"),
           c("Injections will be part of a plan that includes physical or occupational "
             "therapy, stretching or splinting"))
    condition("E", "Spasticity", sp, "12 months")

    d.para("II. Continuation of therapy", style="B")

    cm_c = g("all_of", "Coverage for continued treatment of chronic migraine is considered "
             "medically necessary when:",
             g("any_of", "Must meet ONE of the following:",
               c("At least 7 fewer headache days a month than before the first treatment"),
               c("Headache days a month reduced by at least 50% from before the first "
                 "treatment")),
             c("Treatments are given no more often than every 12 weeks"))
    condition("A", "Chronic migraine", cm_c, "12 months")
    cd_c = g("all_of", "Coverage for continued treatment of cervical dystonia is considered "
             "medically necessary when:",
             c("Less pain, better head position or better function since the first treatment, "
               "as documented by the prescriber"),
             c("Treatments are given no more often than every 12 weeks"))
    condition("B", "Cervical dystonia", cd_c, "12 months")
    d.para("Other conditions in section I: continued treatment follows the initial criteria, "
           "with documented benefit from the previous treatment.", size=9.5)

    d.para("III. Not medically necessary / investigational", style="B")
    d.para("OnabotulinumtoxinA is considered not medically necessary or investigational for "
           "the following:", size=9.5)
    excl = ["Cosmetic use, such as glabellar or forehead lines",
            "Episodic migraine (fewer than 15 headache days a month)",
            "Tension-type headache and chronic daily headache without migraine features",
            "Chronic low back pain, myofascial pain and fibromyalgia",
            "Palmar or plantar hyperhidrosis"]
    d.items([Item(0, f"{k + 1}.", t) for k, t in enumerate(excl)], base=2)

    d.heading("Administration, Quantity Limitations, and Authorization Period", 11)
    d.items([Item(0, "•", t) for t in [
        "Chronic migraine: 155 units every 12 weeks (up to 195 units).",
        "Cervical dystonia: up to 300 units every 12 weeks.",
        "Overactive bladder: 100 units; neurogenic detrusor overactivity: 200 units; no more "
        "often than every 12 weeks.",
        "Authorization may be reviewed at least annually to confirm that the member still "
        "meets the criteria."]], base=2)
    d.heading("Position Statement", 11)
    d.para(BACKGROUND, size=9)
    d.heading("Clinical Background", 11)
    d.table_head([50, d.width - 50], ["Condition", "Usual outcome measure"])
    d.row(["Chronic migraine", "Headache days a month (headache diary)"])
    d.row(["Cervical dystonia", "Toronto Western Spasmodic Torticollis Rating Scale"])
    d.row(["Overactive bladder", "Urinary incontinence episodes a day (bladder diary)"])
    d.end_table()
    d.heading("References", 11)
    d.items([Item(0, f"{k + 1}.", t) for k, t in enumerate([
        "Botox (onabotulinumtoxinA) prescribing information. Revised 2025.",
        "Okafor P, et al. Preventive treatment of chronic migraine after two oral failures. "
        "Headache Ther. 2024;40:311-329.",
        "Lindgren H. Intradetrusor injections in refractory overactive bladder: five-year "
        "follow-up. Urol Pract Rev. 2023;11:90-104."])], base=2)
    d.heading("Revision History", 11)
    d.table_head([35, d.width - 35], ["Date", "Description"])
    d.row(["07/2026", "Spasticity criteria added; CGRP antibody combination excluded."])
    d.row(["07/2025", "Annual review, no changes."])
    d.end_table()

    inds = [
        Ind("Chronic migraine", cm.text, ["chronic migraine prevention"], [], cm, cm_c,
            cm_c.text),
        Ind("Cervical dystonia", cd.text, ["spasmodic torticollis"], ["G24.3"], cd, cd_c,
            cd_c.text),
        Ind("Severe primary axillary hyperhidrosis", hh.text, ["axillary hyperhidrosis"],
            ["L74.510"], hh),
        Ind("Overactive bladder", ob.text, ["OAB", "neurogenic detrusor overactivity"],
            ["N32.81", "N31.9"], ob),
        Ind("Spasticity", sp.text, ["limb spasticity"], [], sp),
    ]
    return d, inds, excl

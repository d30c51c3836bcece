"""Fourth synthetic batch, part A: an Excellus / Blue Cross NC-style "Medical Criterion"
lettered list whose logic is printed only at the end of each item ("; and" / "; or"),
teriparatide; a two-column page (criteria on the left, notes on the right), ocrelizumab; a
Tufts / Harvard Pilgrim-style policy with roman-numeral sections and bold run-in condition
labels, adalimumab. Our own words, fictional plans; drawn with the first batch's layout engine
(`../synthetic/render.py`)."""

from __future__ import annotations

from render import LINE, Crit, Doc, Ind, Item, Style, c, g, letters, numbers, romans, upper

EVIDENCE = (
    "The plan's pharmacy and therapeutics committee looked at the pivotal trials, their "
    "extensions and the guidance of the specialty societies. Patients in trials were chosen "
    "with care, so the results may not hold for every member; where evidence is sparse the "
    "criteria follow the labeled use."
)


def rule(d: Doc, y: float, shade: int = 150) -> None:
    d.set_draw_color(shade)
    d.line(d.l_margin, y, d.w - d.r_margin, y)
    d.set_draw_color(0)


# =========================================================================================
# 1. Excellus / Blue Cross NC-style medical policy: teriparatide. "Medical Criterion" lists
#    lettered A., 1., a.; the logic only at item ends, in lower case ("; and" / "; or");
#    long items wrapping under a hanging indent; no "all of" / "one of" words anywhere.
# =========================================================================================

EXCELLUS = Style(markers=[upper, numbers, letters], end={"all_of": "; and", "any_of": "; or"},
                 last_takes_parent=True, final=".")


def excellus_teriparatide() -> tuple[Doc, list[Ind], list[str]]:
    plan = "Finger Lakes Mutual Health Plan"

    def header(d: Doc) -> None:
        d.set_font("helvetica", "B", 9)
        d.set_xy(d.l_margin, 8)
        d.cell(0, 4, "MEDICAL POLICY", align="L")
        d.set_font("helvetica", "", 8.5)
        d.set_xy(d.l_margin, 8)
        d.cell(0, 4, "SUBJECT: TERIPARATIDE INJECTION", align="R")
        d.set_xy(d.l_margin, 12.5)
        d.cell(0, 4, "POLICY NUMBER: 3.01.27", align="L")
        d.set_xy(d.l_margin, 12.5)
        d.cell(0, 4, f"PAGE: {d.page_no()} OF: {{nb}}", align="R")
        rule(d, 17.5, 0)
        d.set_y(22)

    def footer(d: Doc) -> None:
        d.set_y(-13)
        d.set_font("helvetica", "I", 7.5)
        d.set_text_color(80)
        d.cell(0, 3.5, f"{plan} is an independent licensee of a fictional association. "
               "Proprietary; for the plan's members and providers only.", align="C")

    d = Doc(header, footer)
    d.add_page()
    d.set_font("helvetica", "B", 9.5)
    for k, v in [("Effective date:", "02/01/2026"), ("Last review date:", "11/20/2025"),
                 ("Category:", "Pharmacy / Medical benefit drug")]:
        d.set_font("helvetica", "B", 9.5)
        d.cell(36, 4.6, k)
        d.set_font("helvetica", "", 9.5)
        d.cell(0, 4.6, v, new_x="LMARGIN", new_y="NEXT")
    d.para("If a product excludes coverage for a service, it is not covered, and medical policy "
           "criteria do not apply. If a commercial product requires a drug to be on its "
           "formulary, the formulary governs.", style="I", size=9)
    d.heading("DESCRIPTION:", 11)
    d.para("Teriparatide is the recombinant 1-34 fragment of human parathyroid hormone. Given "
           "once a day by subcutaneous injection, it stimulates new bone formation and is used "
           "for osteoporosis in people at high risk of fracture. Brand and follow-on products "
           "are treated alike by this policy.")
    d.para(EVIDENCE, size=9)
    d.heading("POLICY:", 11)
    d.para("Based upon our assessment of the peer-reviewed literature, teriparatide is "
           "considered medically appropriate for the conditions below when each Medical "
           "Criterion listed for the condition is met. Requests for other conditions are "
           "reviewed as described under the last section of this policy.")

    inds: list[Ind] = []
    high_risk_pmo = g(
        "any_of", "the member is at high risk of fracture, as documented by:",
        c("a T-score of -2.5 or lower at the lumbar spine, femoral neck, total hip or one-third "
          "radius on dual-energy x-ray absorptiometry (DXA) done within the past two years"),
        c("a history of a low-trauma (fragility) fracture of the hip or spine, whatever the "
          "T-score"),
        c("a T-score between -1.0 and -2.5 together with a ten-year probability of hip fracture "
          "of 3 percent or more, or of major osteoporotic fracture of 20 percent or more, on "
          "the FRAX tool"))
    prior_pmo = g(
        "any_of", "the member has tried an oral or intravenous bisphosphonate, shown by:",
        c("at least twelve months of alendronate, risedronate, ibandronate or zoledronic acid "
          "during which a new fragility fracture occurred or bone density fell"),
        c("intolerance of a bisphosphonate, such as esophagitis, severe musculoskeletal pain or "
          "an acute-phase reaction, recorded in the medical record"),
        c("a contraindication to bisphosphonates, for example creatinine clearance below 35 "
          "mL/min or an esophageal disorder that delays emptying"),
        c("very high fracture risk, meaning a fracture within the past twelve months or a "
          "T-score below -3.0, for which an anabolic drug is used first"))
    lifetime = c("the total lifetime use of parathyroid hormone analogs (teriparatide and "
                 "abaloparatide together) will not exceed twenty-four months, unless the member "
                 "remains at or has returned to high fracture risk")
    no_combo = c("teriparatide will not be given together with denosumab, romosozumab, "
                 "abaloparatide or a bisphosphonate")
    no_bone = c("the member has no open epiphyses, Paget's disease of bone, unexplained raised "
                "alkaline phosphatase, or prior radiation therapy involving the skeleton")

    pmo = g("all_of", "Medical Criterion for postmenopausal osteoporosis:",
            c("the member is a postmenopausal woman with a diagnosis of osteoporosis recorded "
              "by the treating physician"),
            high_risk_pmo, prior_pmo, no_bone, no_combo, lifetime)
    pmo_c = g("all_of", "Medical Criterion for continuation of therapy:",
              c("the member was approved for teriparatide under this policy, or began it under "
                "another plan and met the criteria above at that time"),
              g("any_of", "the member has benefited from treatment, as shown by:",
                c("stable or improved bone mineral density on a repeat DXA scan"),
                c("no new fragility fracture since teriparatide was started"),
                c("a rise in a bone formation marker such as P1NP after three months")),
              no_combo, lifetime)

    d.heading("I. Postmenopausal Osteoporosis", 11, space=3)
    d.para(pmo.text, style="B")
    d.items(EXCELLUS.items(pmo), base=2)
    d.para("Approval period: initial requests are approved for twelve months.", size=9.5)
    d.para(pmo_c.text, style="B")
    d.items(EXCELLUS.items(pmo_c), base=2)
    d.para("Approval period: twelve months, until the twenty-four month total is reached.",
           size=9.5)
    inds.append(Ind("Postmenopausal osteoporosis", "I. Postmenopausal Osteoporosis",
                    ["PMO", "osteoporosis in postmenopausal women"], ["M81.0", "M80.08XA"],
                    pmo, pmo_c, "Medical Criterion for continuation of therapy"))

    men = g("all_of", "Medical Criterion for primary or hypogonadal osteoporosis in men:",
            c("the member is a man aged 30 years or older with primary or hypogonadal "
              "osteoporosis"),
            g("any_of", "the member's fracture risk is high, as documented by:",
              c("a T-score of -2.5 or lower at the spine, hip or radius on a recent DXA scan"),
              c("a prior fragility fracture of the hip, spine, wrist or humerus")),
            c("secondary causes such as vitamin D deficiency, hyperthyroidism, multiple myeloma "
              "and alcohol misuse have been evaluated and treated where found"),
            c("the member has had an inadequate response to, intolerance of, or a "
              "contraindication to a bisphosphonate"),
            no_bone, lifetime)
    d.heading("II. Osteoporosis in Men", 11, space=3)
    d.para(men.text, style="B")
    d.items(EXCELLUS.items(men), base=2)
    d.para("Approval period: twelve months. Continuation is reviewed with the continuation "
           "criterion in section I.", size=9.5)
    inds.append(Ind("Osteoporosis in men", "II. Osteoporosis in Men",
                    ["male osteoporosis", "hypogonadal osteoporosis"], ["M81.0", "M81.8"], men))

    gio = g("all_of", "Medical Criterion for glucocorticoid-induced osteoporosis:",
            c("the member is taking, or is expected to take, prednisone 5 mg a day or an "
              "equivalent dose for at least three months"),
            g("any_of", "the member is at high risk of fracture, as documented by:",
              c("a T-score of -2.5 or lower at any site measured by DXA"),
              c("a fragility fracture that occurred while taking glucocorticoids"),
              c("a ten-year FRAX probability of major osteoporotic fracture of 20 percent or "
                "more, adjusted for the glucocorticoid dose")),
            c("the member has had an inadequate response to, intolerance of, or a "
              "contraindication to an oral bisphosphonate taken for at least twelve months"),
            c("the member receives calcium and vitamin D supplements, or dietary intake is "
              "recorded as adequate"),
            no_combo, lifetime)
    d.heading("III. Glucocorticoid-Induced Osteoporosis", 11, space=3)
    d.para(gio.text, style="B")
    d.items(EXCELLUS.items(gio), base=2)
    d.para("Approval period: twelve months.", size=9.5)
    inds.append(Ind("Glucocorticoid-induced osteoporosis",
                    "III. Glucocorticoid-Induced Osteoporosis", ["GIO", "steroid-induced "
                    "osteoporosis"], ["M81.8", "T38.0X5A"], gio))

    d.heading("IV. Not Medically Necessary", 11, space=3)
    d.para("Teriparatide is considered not medically necessary for the following, because the "
           "evidence does not show a benefit that outweighs the risk:")
    excl = ["Prevention of osteoporosis in a member with normal or low bone mass and no "
            "fragility fracture",
            "Use for more than twenty-four months in a lifetime when fracture risk is no "
            "longer high",
            "Treatment of hypoparathyroidism, fracture healing or osteogenesis imperfecta",
            "Use in combination with another osteoporosis drug other than calcium and vitamin D"]
    d.items([Item(0, f"{k + 1}.", t) for k, t in enumerate(excl)])

    d.heading("POLICY GUIDELINES:", 11)
    d.items([Item(0, f"{k + 1}.", t) for k, t in enumerate([
        "Risk factors for fracture that the FRAX tool counts include age, low body mass index, "
        "a parent's hip fracture, smoking, alcohol use and rheumatoid arthritis.",
        "A DXA report should give the site, the T-score and the scanner; a report older than "
        "two years is accepted only if no treatment has been given since.",
        "Requests for brand teriparatide when a follow-on product is preferred are reviewed "
        "under the plan's formulary exception process."])])
    d.heading("CODES:", 11)
    d.table_head([30, d.width - 30], ["Code", "Description"])
    d.row(["J3110", "Injection, teriparatide, 10 mcg"])
    d.row(["M81.0", "Age-related osteoporosis without current pathological fracture"])
    d.row(["M80.08XA", "Age-related osteoporosis with current pathological vertebral fracture"])
    d.row(["M81.8", "Other osteoporosis without current pathological fracture"])
    d.end_table()
    d.heading("REFERENCES:", 11)
    d.items([Item(0, f"{k + 1}.", r) for k, r in enumerate([
        "Teriparatide injection, prescribing information. Revised 2024.",
        "Hallorann P, Wexley D. Anabolic-first treatment after a recent vertebral fracture. "
        "Bone Metab Rev. 2023;19:77-90.",
        "Ostrander L, et al. Glucocorticoid dose and fracture risk in older adults. J Clin "
        "Skel Health. 2022;7:12-25."])])
    return d, inds, excl

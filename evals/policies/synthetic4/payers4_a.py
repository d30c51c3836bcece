"""Fourth synthetic batch, part A: an Excellus / Blue Cross NC-style "Medical Criterion"
lettered list whose logic is printed only at the end of each item ("; and" / "; or"),
teriparatide; a two-column page (criteria on the left, notes on the right), ocrelizumab; a
Tufts / Harvard Pilgrim-style policy with roman-numeral sections and bold run-in condition
labels, adalimumab. Our own words, fictional plans; drawn with the first batch's layout engine
(`../synthetic/render.py`)."""

from __future__ import annotations

from render import LINE, Doc, Ind, Item, Style, c, g, letters, numbers, romans, upper

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


# =========================================================================================
# 2. Two-column clinical pharmacy policy: ocrelizumab. Each indication's criteria sit in the
#    left column of a ruled two-column block, notes and definitions in the right column beside
#    them (drawn after the left column, so the page's text runs left column then right).
#    Logic in lead-ins ("all of" / "one of" / "both of"), items 1. / a. / i.
# =========================================================================================

TWOCOL = Style(markers=[numbers, letters, romans])
COL_GAP = 5.0


def _col_lines(d: Doc, items: list[Item], width: float) -> list[tuple[float, str, str, str]]:
    """(indent, marker, text, style) per printed line of a column of items."""
    out = []
    for it in items:
        d.set_font("helvetica", it.style, 9.5)
        ind = it.level * 5.0
        tx = ind + (6.5 if it.marker else 0)
        lines = d.multi_cell(width - tx, LINE, it.text, dry_run=True, output="LINES")
        for k, text in enumerate(lines):
            out.append((tx if k or not it.marker else ind, it.marker if k == 0 else "", text,
                        it.style))
    d.set_font("helvetica", size=10)
    return out


def _draw_col(d: Doc, lines: list[tuple[float, str, str, str]], x0: float, y0: float) -> float:
    y = y0
    for ind, marker, text, style in lines:
        d.set_font("helvetica", style, 9.5)
        if marker:
            d.set_xy(x0 + ind, y)
            d.cell(6.5, LINE, marker)
            d.set_xy(x0 + ind + 6.5, y)
        else:
            d.set_xy(x0 + ind, y)
        d.cell(0, LINE, text)
        y += LINE
    d.set_font("helvetica", size=10)
    return y


def two_columns(d: Doc, left: list[Item], notes: list[Item], left_w: float = 112) -> None:
    """A ruled block: criteria on the left, notes on the right, kept on one page."""
    right_w = d.width - left_w - COL_GAP
    lcol = _col_lines(d, left, left_w - 2)
    rcol = _col_lines(d, notes, right_w - 2)
    height = max(len(lcol), len(rcol)) * LINE + 4
    if d.get_y() + height > d.page_break_trigger:
        d.add_page()
    y0 = d.get_y()
    d.set_draw_color(120)
    d.rect(d.l_margin, y0, d.width, height)
    d.line(d.l_margin + left_w, y0, d.l_margin + left_w, y0 + height)
    d.set_draw_color(0)
    _draw_col(d, lcol, d.l_margin + 1.5, y0 + 2)
    _draw_col(d, rcol, d.l_margin + left_w + COL_GAP - 1, y0 + 2)
    d.set_xy(d.l_margin, y0 + height + 3)


def twocol_ocrelizumab() -> tuple[Doc, list[Ind], list[str]]:
    plan = "Lakeshore Health Partners"

    def header(d: Doc) -> None:
        d.set_fill_color(35, 70, 110)
        d.rect(0, 0, d.w, 13, style="F")
        d.set_text_color(255)
        d.set_font("helvetica", "B", 10)
        d.set_xy(d.l_margin, 4.5)
        d.cell(0, 4, f"{plan}  |  Clinical Pharmacy Policy", align="L")
        d.set_font("helvetica", "", 8.5)
        d.set_xy(d.l_margin, 4.5)
        d.cell(0, 4, "CPP-412  Ocrelizumab", align="R")
        d.set_text_color(0)
        d.set_y(19)

    def footer(d: Doc) -> None:
        d.set_y(-14)
        d.set_font("helvetica", "", 7.5)
        d.set_text_color(90)
        d.cell(0, 3.5, "Printed copies are uncontrolled; the online version is current.",
               align="L")
        d.set_xy(d.l_margin, d.get_y())
        d.cell(0, 3.5, f"{d.page_no()} / {{nb}}", align="R")

    d = Doc(header, footer)
    d.add_page()
    d.set_font("helvetica", "B", 16)
    d.cell(0, 8, "Ocrelizumab (Ocrevus®) Intravenous Infusion", new_x="LMARGIN", new_y="NEXT")
    d.set_font("helvetica", "", 9)
    d.cell(0, 4.6, "Effective 03/01/2026   |   Next review 03/2027   |   Benefit: medical "
           "(site-of-care rules apply)", new_x="LMARGIN", new_y="NEXT")
    d.ln(3)
    d.heading("Purpose", 11)
    d.para("This policy gives the conditions under which the plan covers ocrelizumab, an "
           "anti-CD20 monoclonal antibody given by intravenous infusion, for members with "
           "multiple sclerosis. The left column of each block holds the criteria; the right "
           "column explains terms and gives the authorization period. Notes are guidance and are "
           "not criteria.")
    d.para(EVIDENCE, size=9)
    d.heading("Coverage Criteria", 12)

    inds: list[Ind] = []
    hbv = g("any_of", "Hepatitis B screening done before the first infusion shows one of the "
            "following:",
            c("negative hepatitis B surface antigen and negative hepatitis B core antibody"),
            c("a positive core antibody with undetectable HBV DNA, and a documented plan for "
              "antiviral prophylaxis or monitoring by a hepatologist"))
    solo = c("Ocrelizumab will not be given with another disease-modifying therapy for multiple "
             "sclerosis, such as natalizumab, a sphingosine 1-phosphate modulator or cladribine")
    neuro = c("Prescribed by, or in consultation with, a neurologist")

    rms = g("all_of", "Initial authorization. The member must meet all of the following:",
            c("Diagnosis of a relapsing form of multiple sclerosis (clinically isolated "
              "syndrome, relapsing-remitting disease, or active secondary progressive disease) "
              "according to the 2017 McDonald criteria"),
            c("Member is 18 years of age or older"),
            neuro,
            g("any_of", "Disease activity or prior treatment shown by one of the following:",
              c("Inadequate response to, or intolerance of, at least one other disease-modifying "
                "therapy taken for 6 months or longer"),
              g("all_of", "Highly active disease, shown by both of the following:",
                c("two or more relapses in the 12 months before the request"),
                c("at least one gadolinium-enhancing lesion on a brain or spine MRI done within "
                  "the past 3 months"))),
            hbv,
            c("Serum immunoglobulin levels (IgG, IgM) measured within 6 months before the "
              "first infusion"),
            solo,
            c("Dose requested is 300 mg on day 1 and day 15, then 600 mg every 24 weeks"))
    rms_c = g("all_of", "Reauthorization. The member must meet all of the following:",
              c("The member has been receiving ocrelizumab for a relapsing form of multiple "
                "sclerosis with prior approval from the plan"),
              g("any_of", "Clinical benefit shown by one of the following:",
                c("fewer relapses than in the year before ocrelizumab was started"),
                c("a stable or improved EDSS score since the start of treatment"),
                c("no new gadolinium-enhancing lesions on the most recent MRI")),
              solo,
              c("Infusions are not given more often than once every 24 weeks"))
    d.heading("A. Relapsing forms of multiple sclerosis (RMS)", 11, space=2)
    two_columns(d, [Item(0, "", rms.text, "B")] + TWOCOL.items(rms),
                [Item(0, "", "Notes", "B"),
                 Item(0, "", "Relapse: new or worse neurologic symptoms lasting 24 hours or "
                      "more, without fever or infection, at least 30 days after the last one."),
                 Item(0, "", "Other therapies include interferons, glatiramer, teriflunomide, "
                      "dimethyl fumarate and the S1P modulators."),
                 Item(0, "", "Authorization period: 12 months.", "B")])
    two_columns(d, [Item(0, "", rms_c.text, "B")] + TWOCOL.items(rms_c),
                [Item(0, "", "Notes", "B"),
                 Item(0, "", "EDSS: Expanded Disability Status Scale, 0 to 10."),
                 Item(0, "", "Authorization period: 12 months.", "B")])
    inds.append(Ind("Relapsing forms of multiple sclerosis",
                    "A. Relapsing forms of multiple sclerosis (RMS)",
                    ["RMS", "relapsing-remitting multiple sclerosis", "RRMS",
                     "clinically isolated syndrome"], ["G35"], rms, rms_c,
                    "Reauthorization. The member must meet all of the following"))

    ppms = g("all_of", "Initial authorization. The member must meet all of the following:",
             c("Diagnosis of primary progressive multiple sclerosis, with at least one year of "
               "disability progression independent of relapses"),
             c("Member is 18 to 65 years of age"),
             neuro,
             c("Expanded Disability Status Scale (EDSS) score of 3.0 to 6.5 at the time of the "
               "request"),
             g("any_of", "Supporting findings, one of the following:",
               c("oligoclonal bands or a raised IgG index in the cerebrospinal fluid"),
               c("two or more T2 lesions in the spinal cord on MRI")),
             hbv,
             solo,
             c("Dose requested is two 300 mg infusions two weeks apart, then 600 mg every 24 "
               "weeks"))
    ppms_c = g("all_of", "Reauthorization. The member must meet all of the following:",
               c("The member has been receiving ocrelizumab for primary progressive multiple "
                 "sclerosis with prior approval from the plan"),
               c("The member can still walk, with or without an aid (EDSS below 7.0)"),
               solo)
    d.heading("B. Primary progressive multiple sclerosis (PPMS)", 11, space=2)
    two_columns(d, [Item(0, "", ppms.text, "B")] + TWOCOL.items(ppms),
                [Item(0, "", "Notes", "B"),
                 Item(0, "", "Progression is judged from the history and serial EDSS scores; "
                      "relapses alone do not count."),
                 Item(0, "", "Members who begin at age 66 or older are reviewed by a "
                      "neurologist on the plan's staff."),
                 Item(0, "", "Authorization period: 12 months.", "B")])
    two_columns(d, [Item(0, "", ppms_c.text, "B")] + TWOCOL.items(ppms_c),
                [Item(0, "", "Notes", "B"),
                 Item(0, "", "Authorization period: 12 months.", "B")])
    inds.append(Ind("Primary progressive multiple sclerosis",
                    "B. Primary progressive multiple sclerosis (PPMS)", ["PPMS"], ["G35"], ppms,
                    ppms_c, "Reauthorization. The member must meet all of the following"))

    d.heading("C. Not covered", 11, space=2)
    d.para("The plan considers ocrelizumab experimental, investigational or unproven for the "
           "following, and does not cover it:")
    excl = ["Neuromyelitis optica spectrum disorder or MOG antibody-associated disease",
            "Non-active secondary progressive multiple sclerosis without relapses or new MRI "
            "lesions in the past two years",
            "Rheumatoid arthritis, lupus, myasthenia gravis or other autoimmune conditions",
            "Use together with another disease-modifying therapy for multiple sclerosis"]
    d.items([Item(0, "•", t) for t in excl])
    d.heading("Dosing and Administration", 11)
    d.table_head([60, d.width - 60], ["Dose", "Schedule"])
    d.row(["300 mg IV", "Day 1 and day 15 (first dose only)"])
    d.row(["600 mg IV", "Every 24 weeks after the first dose"])
    d.end_table()
    d.para("Premedication with methylprednisolone 100 mg and an antihistamine is recommended "
           "before every infusion.", size=9)
    d.heading("References", 11)
    d.items([Item(0, f"[{k + 1}]", r) for k, r in enumerate([
        "Ocrevus (ocrelizumab) injection, prescribing information. Revised 2025.",
        "Tamberlane R, Oduya F. B-cell depletion in progressive multiple sclerosis: five-year "
        "results. Neuroimmunol Rep. 2023;11:140-155.",
        "Ivarsson K. Hepatitis B reactivation after anti-CD20 therapy. Liver Saf. "
        "2022;6:33-41."])])
    return d, inds, excl


# =========================================================================================
# 3. Tufts / Harvard Pilgrim-style pharmacy medical necessity guideline: adalimumab.
#    Roman-numeral sections ("I. Criteria for initial approval", "II. Criteria for
#    reauthorization"); each condition a bold run-in label that opens its lead-in sentence
#    ("Rheumatoid arthritis: The member must meet all of the following criteria:"); one
#    reauthorization paragraph shared by the remaining conditions.
# =========================================================================================

TUFTS = Style(markers=[numbers, letters, romans])


def tufts_adalimumab() -> tuple[Doc, list[Ind], list[str]]:
    plan = "Bay Colony Health Alliance"

    def header(d: Doc) -> None:
        d.set_font("helvetica", "", 8)
        d.set_text_color(70)
        d.set_xy(d.l_margin, 8)
        d.cell(0, 4, f"{plan}  Pharmacy Medical Necessity Guidelines:", align="L")
        d.set_xy(d.l_margin, 11.5)
        d.set_font("helvetica", "B", 8)
        d.cell(0, 4, "Adalimumab products (Humira® and biosimilars)", align="L")
        d.set_font("helvetica", "", 8)
        d.set_xy(d.l_margin, 8)
        d.cell(0, 4, "Effective: April 1, 2026", align="R")
        rule(d, 16.5)
        d.set_text_color(0)
        d.set_y(21)

    def footer(d: Doc) -> None:
        d.set_y(-14)
        d.set_font("helvetica", "", 7.5)
        d.set_text_color(70)
        d.cell(0, 3.5, "This guideline does not guarantee coverage; member benefits and "
               "eligibility apply.", align="L")
        d.set_xy(d.l_margin, d.get_y())
        d.cell(0, 3.5, f"{d.page_no()} of {{nb}}", align="R")

    d = Doc(header, footer)
    d.add_page()
    d.table_head([55, d.width - 55], ["Prescription Drug Benefit", "Medical Benefit"])
    d.row(["Prior authorization required", "Not applicable (self-administered)"])
    d.end_table()
    d.para("Pharmacy Medical Necessity Guidelines are developed to determine coverage for a "
           "drug under the prescription benefit. They are reviewed by the plan's Pharmacy and "
           "Therapeutics Committee and applied with the member's benefit documents.", size=9)
    d.heading("OVERVIEW", 11)
    d.para("Adalimumab binds tumor necrosis factor alpha and blocks its action. The reference "
           "product and its interchangeable biosimilars are covered under one set of criteria; "
           "the plan's formulary names the preferred products.")
    d.para(EVIDENCE, size=9)
    d.heading("COVERAGE GUIDELINES", 11)
    d.para("The plan may authorize coverage of adalimumab for members when the criteria below "
           "for the member's condition are met.")

    inds: list[Ind] = []

    def run_in(label: str, lead: str) -> None:
        d.set_font("helvetica", "", 10)
        d.multi_cell(d.width, LINE, f"**{label}:** {lead}", markdown=True, new_x="LMARGIN",
                     new_y="NEXT")
        d.ln(1)

    tb = c("A negative test for latent tuberculosis (tuberculin skin test or interferon-gamma "
           "release assay) within the past 12 months, or latent infection already treated")
    no_bio = c("The member will not use adalimumab together with another biologic drug or a "
               "Janus kinase inhibitor")

    d.heading("I. Criteria for initial approval", 11.5, space=3)
    ra = g("all_of", "The member must meet all of the following criteria:",
           c("The member has a diagnosis of moderately to severely active rheumatoid arthritis"),
           c("The prescriber is a rheumatologist or has consulted one about this request"),
           g("any_of", "The member meets one of the following:",
             c("The member has taken methotrexate at 15 mg a week or more for at least 3 "
               "months without an adequate response"),
             c("The member could not tolerate methotrexate, or it is contraindicated, and has "
               "had an inadequate response to leflunomide, sulfasalazine or "
               "hydroxychloroquine taken for 3 months")),
           tb, no_bio)
    run_in("Rheumatoid arthritis", ra.text)
    d.items(TUFTS.items(ra), base=4)

    hs = g("all_of", "The member must meet all of the following criteria:",
           c("The member has moderate to severe hidradenitis suppurativa (Hurley stage II or "
             "III)"),
           c("The member is 12 years of age or older"),
           c("The prescriber is a dermatologist or has consulted one about this request"),
           g("all_of", "The member has had both of the following:",
             c("at least three abscesses or inflammatory nodules on examination"),
             c("a trial of an oral antibiotic for hidradenitis (such as doxycycline, "
               "minocycline, or clindamycin with rifampin) for at least 90 days, without "
               "adequate response")),
           tb, no_bio)
    run_in("Hidradenitis suppurativa", hs.text)
    d.items(TUFTS.items(hs), base=4)

    cd = g("all_of", "The member must meet all of the following criteria:",
           c("The member has moderately to severely active Crohn's disease"),
           c("The member is 6 years of age or older"),
           c("The prescriber is a gastroenterologist or has consulted one about this request"),
           g("any_of", "The member meets one of the following:",
             g("any_of", "The member has had an inadequate response to one of these "
               "conventional therapies:",
               c("a systemic corticosteroid, such as prednisone or budesonide, for at least 2 "
                 "weeks"),
               c("an immunomodulator (azathioprine, mercaptopurine or methotrexate) for at "
                 "least 3 months")),
             c("The member has fistulizing or perianal Crohn's disease"),
             c("The member had a bowel resection and adalimumab is started to prevent "
               "postoperative recurrence")),
           tb, no_bio)
    run_in("Crohn's disease", cd.text)
    d.items(TUFTS.items(cd), base=4)

    uv = g("all_of", "The member must meet all of the following criteria:",
           c("The member has non-infectious intermediate, posterior or panuveitis"),
           c("The prescriber is an ophthalmologist or a rheumatologist"),
           c("Infectious causes of uveitis, including syphilis, tuberculosis and herpes "
             "viruses, have been excluded"),
           c("The uveitis has relapsed when the oral corticosteroid dose was lowered below "
             "10 mg of prednisone a day, or corticosteroids are not tolerated"),
           tb)
    run_in("Non-infectious uveitis", uv.text)
    d.items(TUFTS.items(uv), base=4)
    d.para("Initial approval: 6 months for rheumatoid arthritis and Crohn's disease; 16 weeks "
           "for hidradenitis suppurativa; 12 months for uveitis.", style="I", size=9.5)

    d.heading("II. Criteria for reauthorization", 11.5, space=3)
    ra_c = g("all_of", "The member must meet all of the following criteria:",
             c("The member was approved for adalimumab for rheumatoid arthritis under section "
               "I"),
             g("any_of", "The member shows one of the following since the start of "
               "treatment:",
               c("fewer tender and swollen joints"),
               c("a lower Clinical Disease Activity Index (CDAI) or DAS28 score"),
               c("better physical function reported by the rheumatologist")),
             no_bio)
    run_in("Rheumatoid arthritis", ra_c.text)
    d.items(TUFTS.items(ra_c), base=4)
    hs_c = g("all_of", "The member must meet all of the following criteria:",
             c("The member was approved for adalimumab for hidradenitis suppurativa under "
               "section I"),
             c("The abscess and inflammatory nodule count has fallen by at least half, with no "
               "increase in draining tunnels"),
             no_bio)
    run_in("Hidradenitis suppurativa", hs_c.text)
    d.items(TUFTS.items(hs_c), base=4)
    other_c = g("all_of", "The member must meet all of the following criteria:",
                c("The member was approved for adalimumab for the condition under section I"),
                c("The prescriber documents a clinical response, such as fewer symptoms, lower "
                  "steroid use or healing seen on endoscopy or eye examination"),
                no_bio)
    run_in("All other conditions in section I", other_c.text)
    d.items(TUFTS.items(other_c), base=4)
    d.para("Reauthorization: 12 months for every condition.", style="I", size=9.5)

    d.heading("III. Limitations", 11.5, space=3)
    d.para("The plan does not cover adalimumab in the following situations:")
    excl = ["Use with another biologic drug or a Janus kinase inhibitor for the same or a "
            "different condition",
            "Active serious infection, including active tuberculosis",
            "Doses above 40 mg every week, unless the label allows them for the condition",
            "Conditions not listed in section I, including sarcoidosis and axial "
            "spondyloarthritis in members under 18"]
    d.items([Item(0, f"{k + 1}.", t) for k, t in enumerate(excl)], base=4)
    d.heading("CODES", 11)
    d.para("The following codes are included for reference only and do not imply coverage: "
           "M05.79 and M06.9 (rheumatoid arthritis), L73.2 (hidradenitis suppurativa), "
           "K50.00-K50.919 (Crohn's disease), H20.9 and H30.90 (uveitis).", size=9)
    d.heading("REFERENCES", 11)
    d.items([Item(0, f"{k + 1}.", r) for k, r in enumerate([
        "Humira (adalimumab) injection, prescribing information. Revised 2025.",
        "Prewitt H, Carnahan S. Switching among adalimumab biosimilars. Biol Ther Q. "
        "2024;3:61-70.",
        "Lindqvist M. TNF blockade in hidradenitis suppurativa: week 16 response. Dermatol "
        "Prog. 2022;31:408-417."])], base=4)
    d.heading("APPROVAL HISTORY", 11)
    d.table_head([35, d.width - 35], ["Date", "Action"])
    d.row(["04/2026", "Uveitis criteria revised; biosimilars added."])
    d.row(["07/2023", "Guideline created."])
    d.end_table()

    inds += [
        Ind("Rheumatoid arthritis", "Rheumatoid arthritis: The member must meet all", ["RA"],
            ["M05.79", "M06.9"], ra, ra_c, "II. Criteria for reauthorization Rheumatoid "
            "arthritis"),
        Ind("Hidradenitis suppurativa", "Hidradenitis suppurativa: The member must meet all",
            ["HS", "acne inversa"], ["L73.2"], hs, hs_c, "Hidradenitis suppurativa: The member "
            "must meet all of the following criteria: 1. The member was approved"),
        Ind("Crohn's disease", "Crohn's disease: The member must meet all", ["CD"],
            ["K50.00-K50.919"], cd, other_c, "All other conditions in section I"),
        Ind("Non-infectious uveitis", "Non-infectious uveitis: The member must meet all",
            ["uveitis"], ["H20.9", "H30.90"], uv, other_c, "All other conditions in section I"),
    ]
    return d, inds, excl

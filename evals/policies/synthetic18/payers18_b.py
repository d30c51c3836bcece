"""Eighteenth synthetic batch, part B: a two-column "Highlights"-style coverage sheet modelled
on the first page of US prescribing information (dronabinol: chemotherapy nausea and AIDS
anorexia); a rules workbook whose approval formulas cite codes of a shared criteria library
(vonoprazan: erosive esophagitis and Helicobacter pylori); a coverage timeline infographic
with a vertical rail of milestones (rilonacept: recurrent pericarditis and DIRA).
Our own words, fictional plans."""

from __future__ import annotations

from payers18_a import _text
from render import Crit, Doc, Ind, c, g

# =========================================================================================
# 3. Highlights sheet: one page in two narrow columns of small type, dashed capital section
#    rules ("----- COVERED USES -----"), "Covered use 1.1:" lines, bullets ending in
#    section references "(2.1)", a "RECENT MAJOR CHANGES" box and a "Revised:" line.
# =========================================================================================


class _Cols:
    """Writes blocks into two columns, left then right, page after page."""

    def __init__(self, d: Doc, top: float) -> None:
        self.d, self.top, self.col = d, top, 0
        self.w = (d.w - 2 * d.l_margin - 6) / 2
        d.set_y(top)

    def _x(self) -> float:
        return self.d.l_margin + self.col * (self.w + 6)

    def block(self, text: str, style: str = "", size: float = 8, indent: float = 0.0,
              align: str = "L") -> None:
        d = self.d
        d.set_font("helvetica", style, size)
        lines = d.multi_cell(self.w - indent, 3.6, text, dry_run=True, output="LINES")
        if d.get_y() + len(lines) * 3.6 > d.h - 18:
            self.col += 1
            if self.col == 2:
                d.add_page()
                self.col = 0
            d.set_y(self.top)
        d.set_x(self._x() + indent)
        d.multi_cell(self.w - indent, 3.6, text, align=align, new_x="LEFT", new_y="NEXT")
        d.ln(0.6)

    def next_col(self) -> None:
        self.d.set_y(self.d.h - 17)  # the next block starts the next column

    def rule(self, title: str) -> None:
        self.d.ln(1)
        self.block(f"--------- {title} ---------", "B", 8, align="C")

    def bullets(self, root: Crit, refs: str) -> None:
        for kid in root.kids:
            if kid.is_group:
                self.block(f"\u2022 {kid.text}", "", 8, 2)
                for alt in kid.kids:
                    self.block(f"- {alt.text}", "", 8, 6)
            else:
                self.block(f"\u2022 {kid.text} ({refs})", "", 8, 2)


def highlights_dronabinol() -> tuple[Doc, list[Ind], list[str]]:
    def header(d: Doc) -> None:
        d.set_y(8)

    def footer(d: Doc) -> None:
        d.set_y(-12)
        d.set_font("helvetica", "", 7)
        d.cell(0, 4, f"Tidewater Community Health Plan  -  Coverage Highlights DR-17  -  page "
               f"{d.page_no()}", align="C")

    d = Doc(header, footer, margin=12)
    d.set_auto_page_break(False)
    d.add_page()
    d.set_font("helvetica", "B", 9)
    d.multi_cell(0, 4, "HIGHLIGHTS OF COVERAGE CRITERIA", new_x="LMARGIN", new_y="NEXT")
    d.set_font("helvetica", "", 7.5)
    d.multi_cell(0, 3.4, "These highlights do not include all the information needed to "
                 "review dronabinol requests. See the full coverage criteria for "
                 "DRONABINOL capsules, for oral use (Marinol and generic), CIII.\n"
                 "Plan coverage first effective: 2019", new_x="LMARGIN", new_y="NEXT")
    d.line(d.l_margin, d.get_y() + 1, d.w - d.l_margin, d.get_y() + 1)
    cols = _Cols(d, d.get_y() + 3)
    cols.rule("RECENT MAJOR CHANGES")
    cols.block("Initial Authorization, AIDS-related anorexia (2.2)           01/2026")
    cols.rule("COVERED USES")
    cols.block("Dronabinol is a cannabinoid. The plan covers it only for:")
    use1 = ("Covered use 1.1: Nausea and vomiting caused by cancer chemotherapy in adults who "
            "have not responded to conventional antiemetics (1.1)")
    use2 = "Covered use 1.2: Anorexia with weight loss in adults with AIDS (1.2)"
    cols.block("\u2022 " + use1, "", 8, 2)
    cols.block("\u2022 " + use2, "", 8, 2)
    cols.rule("INITIAL AUTHORIZATION")
    cv_lead = "Chemotherapy-induced nausea and vomiting: approve up to 6 months when all apply:"
    cols.block(cv_lead, "B")
    cv = g("all_of", cv_lead,
           c("Age 18 years or older"),
           c("Currently receiving moderately or highly emetogenic chemotherapy, with the "
             "regimen and cycle dates given"),
           c("Nausea or vomiting continued despite a 5-HT3 antagonist (ondansetron, "
             "granisetron or palonosetron) given with dexamethasone"),
           g("any_of", "Also tried at least one of these, with the same poor result:",
             c("an NK1 antagonist (aprepitant, fosaprepitant or rolapitant)"),
             c("olanzapine")))
    cols.bullets(cv, "2.1")
    ai_lead = "AIDS-related anorexia: approve up to 6 months when all apply:"
    cols.block(ai_lead, "B")
    ai = g("all_of", ai_lead,
           c("Age 18 years or older with HIV infection on antiretroviral therapy"),
           c("Unintended weight loss of at least 5% of body weight in the last 6 months, or "
             "a body mass index below 20 kg/m2"),
           c("Treatable causes of poor intake (oral candidiasis, depression, uncontrolled "
             "opportunistic infection, medication side effects) have been assessed and "
             "addressed"))
    cols.bullets(ai, "2.2")
    cols.next_col()
    cols.rule("REAUTHORIZATION")
    cv_c_lead = "Chemotherapy nausea: 6 more months when both apply:"
    cols.block(cv_c_lead, "B")
    cv_c = g("all_of", cv_c_lead,
             c("Chemotherapy is continuing"),
             c("Fewer episodes of vomiting or less nausea since dronabinol was added"))
    cols.bullets(cv_c, "3.1")
    ai_c_lead = "AIDS anorexia: 12 months when both apply:"
    cols.block(ai_c_lead, "B")
    ai_c = g("all_of", ai_c_lead,
             c("Weight has been kept stable or increased since the start of dronabinol"),
             c("Antiretroviral therapy continues"))
    cols.bullets(ai_c, "3.2")
    cols.rule("NOT COVERED")
    excl = [
        "Chronic pain, anxiety, insomnia or appetite loss from causes other than AIDS",
        "Members with a cannabis use disorder that is active or in early remission",
        "Allergy to sesame oil (an ingredient of the capsules)",
        "Use together with another cannabinoid product, including dronabinol oral "
        "solution or nabilone",
    ]
    for e in excl:
        cols.block(f"\u2022 {e} (4)", "", 8, 2)
    cols.rule("DOSAGE AND QUANTITY LIMITS")
    cols.block("\u2022 Nausea: 5 mg/m2 1 to 3 hours before chemotherapy, then every 2 to 4 "
               "hours, up to 6 doses a day (5.1)", "", 8, 2)
    cols.block("\u2022 Anorexia: 2.5 mg twice daily before lunch and supper; at most 20 mg a "
               "day (5.2)", "", 8, 2)
    cols.rule("WARNINGS")
    cols.block("\u2022 Neuropsychiatric effects, hemodynamic instability and seizures: review "
               "the history before approval (6.1)", "", 8, 2)
    cols.block("See 17 for PRESCRIBER CONTACT INFORMATION.", "B")
    cols.block("Revised: 01/2026")
    inds = [
        Ind("Chemotherapy-induced nausea and vomiting refractory to conventional antiemetics "
            "(dronabinol)", use1, ["CINV", "chemotherapy-induced nausea and vomiting"],
            ["R11.2", "T45.1X5A"], cv, cv_c, cv_c_lead),
        Ind("Anorexia with weight loss in adults with AIDS (dronabinol)", use2,
            ["AIDS wasting", "HIV-associated anorexia"], ["B20", "R63.0", "R63.4"], ai, ai_c,
            ai_c_lead),
    ]
    return d, inds, excl


# =========================================================================================
# 4. Rules workbook with a criteria library: Part A is a ruled table of approval rules, one
#    row per diagnosis (named only by its ICD-10-CM code and description) whose "Approve
#    when" cell is a formula of library codes ("ADULT + SCOPE + (PPI-2 or PPI-X)");
#    Part B, the library, defines each code once; Part C lists what is not covered.
# =========================================================================================


def library_vonoprazan() -> tuple[Doc, list[Ind], list[str]]:
    def header(d: Doc) -> None:
        d.set_font("helvetica", "B", 8)
        d.set_xy(d.l_margin, 8)
        d.cell(0, 4, "LAKESHORE BENEFIT ADMINISTRATORS  |  Clinical Rules Workbook CRW-44")
        d.set_font("helvetica", "", 8)
        d.set_xy(d.l_margin, 8)
        d.cell(0, 4, "Potassium-competitive acid blockers", align="R")
        d.set_y(17)

    def footer(d: Doc) -> None:
        d.set_y(-13)
        d.set_font("helvetica", "", 7.5)
        d.cell(0, 4, f"CRW-44 v2026.1  |  Library codes are defined once in Part B and apply "
               f"wherever a rule cites them  |  {d.page_no()}/{{nb}}", align="C")

    d = Doc(header, footer, margin=16)
    d.add_page()
    _text(d, "Vonoprazan (Voquezna tablets; Voquezna Triple Pak and Dual Pak)", "B", 13, 6)
    _text(d, "How to read this workbook: find the member's diagnosis in Part A. The rule's "
          "\"Approve when\" formula lists criteria codes; \"+\" joins codes that must all be "
          "met, and codes in parentheses joined by \"or\" need only one to be met. Each code "
          "is written out in Part B. Approve for the length in the last column.", "", 9, 4.4)
    _text(d, "Part A - Approval rules", "B", 11, 5.5)
    ee_dx = "K21.0- Gastro-esophageal reflux disease with esophagitis (K21.00, K21.01)"
    hp_dx = ("B96.81 Helicobacter pylori [H. pylori] as the cause of diseases classified "
             "elsewhere")
    ee_f = "ADULT + SCOPE + (PPI-2 or PPI-X)"
    mt_f = "HEAL + STEP"
    hp_f = "ADULT + HP-TEST + (HP-FAIL or HP-BIS) + PAK"
    d.table_head([18, 62, 60, d.width - 140], ["Rule", "Diagnosis (ICD-10-CM)",
                                              "Approve when", "Length"])
    d.row(["VQ-1", ee_dx + "; healing of erosive esophagitis", ee_f, "8 weeks (20 mg daily)"])
    d.row(["VQ-1M", "Same codes as VQ-1; maintenance after healing under VQ-1", mt_f,
           "6 months (10 mg daily), renewable"])
    d.row(["VQ-2", hp_dx, hp_f, "14 days; one course per 12 months"])
    d.end_table()
    _text(d, "Part B - Criteria library", "B", 11, 5.5)
    lib = {
        "ADULT": "Member is 18 years of age or older.",
        "SCOPE": "Upper endoscopy within the past 12 months shows erosive esophagitis, Los "
                 "Angeles grade A, B, C or D.",
        "PPI-2": "Two different proton pump inhibitors, each taken for at least 8 weeks at "
                 "full dose, did not heal the esophagitis or control the symptoms.",
        "PPI-X": "Proton pump inhibitors cannot be used because of a documented serious "
                 "reaction (such as acute interstitial nephritis) or an interaction that "
                 "cannot be managed.",
        "HEAL": "Healing is confirmed by endoscopy, or heartburn and regurgitation resolved "
                "during the 8-week healing course.",
        "STEP": "The request is for the 10 mg maintenance dose, not the 20 mg healing dose.",
        "HP-TEST": "Active H. pylori infection is shown by a urea breath test, a stool "
                   "antigen test or gastric biopsy; antibody (serology) results are not "
                   "accepted.",
        "HP-FAIL": "A previous eradication course failed, shown by a positive breath, stool "
                   "or biopsy test at least 4 weeks after that course ended.",
        "HP-BIS": "Bismuth quadruple therapy is contraindicated or was not tolerated.",
        "PAK": "Vonoprazan is prescribed as the Triple Pak or Dual Pak for 14 days.",
    }
    d.table_head([26, d.width - 26], ["Code", "Criterion"])
    for code, text in lib.items():
        d.row([code, text])
    d.end_table()
    L = {k: c(v) for k, v in lib.items()}
    ee = g("all_of", ee_f, L["ADULT"], L["SCOPE"], g("any_of", "", L["PPI-2"], L["PPI-X"]))
    mt = g("all_of", mt_f, L["HEAL"], L["STEP"])
    hp = g("all_of", hp_f, L["ADULT"], L["HP-TEST"], g("any_of", "", L["HP-FAIL"],
                                                        L["HP-BIS"]), L["PAK"])
    _text(d, "Part C - Not covered under any rule", "B", 11, 5.5)
    excl = [
        "Heartburn without erosive esophagitis on endoscopy (non-erosive reflux disease).",
        "Use with an antiretroviral product that contains rilpivirine.",
        "The 20 mg healing dose continued beyond 8 weeks.",
        "Prevention of ulcers caused by nonsteroidal anti-inflammatory drugs.",
    ]
    for k, e in enumerate(excl, 1):
        _text(d, f"C{k}.  {e}", "", 9.5, 4.6, 4)
    inds = [
        Ind("Erosive esophagitis, healing and maintenance (vonoprazan)", ee_dx,
            ["erosive esophagitis", "erosive GERD"], ["K21.00", "K21.01"], ee, mt,
            "Same codes as VQ-1; maintenance after healing"),
        Ind("Helicobacter pylori infection (vonoprazan)", hp_dx, ["H. pylori infection"],
            ["B96.81"], hp),
    ]
    return d, inds, excl


# =========================================================================================
# 5. Coverage timeline: a coloured band per pathway (one named by a heading, one by a
#    question), then milestones down a vertical rail: a time label at the left, a dot on the
#    rail, and at the right a bold rule sentence over "o" points.
# =========================================================================================


def _milestone(d: Doc, label: str, lead: str, root: Crit | None, marks: list[str] = ()) -> None:
    x0 = d.l_margin
    rail = x0 + 40
    if d.get_y() > d.page_break_trigger - 40:
        d.add_page()
    y0 = d.get_y()
    d.set_font("helvetica", "B", 8.5)
    d.set_text_color(60, 90, 140)
    d.set_xy(x0, y0)
    d.multi_cell(36, 4, label, new_x="LMARGIN", new_y="NEXT")
    d.set_text_color(0)
    d.set_xy(rail + 5, y0)
    d.set_font("helvetica", "B", 9.5)
    d.multi_cell(d.width - 45, 4.6, lead, new_x="LMARGIN", new_y="NEXT")
    items = [(0, k.text) for k in root.kids] if root else [(0, m) for m in marks]
    if root:
        items = []
        for k in root.kids:
            items.append((0, k.text))
            items += [(1, a.text) for a in k.kids]
    for level, text in items:
        d.set_font("helvetica", "", 9.5)
        d.set_xy(rail + 6 + level * 6, d.get_y() + 0.6)
        d.cell(5, 4.6, "o" if level == 0 and root else ("-" if root else "x"))
        d.set_xy(rail + 11 + level * 6, d.get_y())
        d.multi_cell(d.width - 51 - level * 6, 4.6, text, new_x="LMARGIN", new_y="NEXT")
    y1 = d.get_y() + 3
    d.set_draw_color(60, 90, 140)
    d.set_line_width(0.7)
    d.line(rail, y0, rail, y1)
    d.set_fill_color(60, 90, 140)
    d.ellipse(rail - 1.6, y0 + 0.6, 3.2, 3.2, style="F")
    d.set_line_width(0.2)
    d.set_draw_color(0)
    d.set_y(y1 + 2)


def _band(d: Doc, text: str) -> None:
    if d.get_y() > d.page_break_trigger - 60:
        d.add_page()
    d.ln(2)
    d.set_fill_color(60, 90, 140)
    d.set_text_color(255)
    d.set_font("helvetica", "B", 11)
    d.multi_cell(d.width, 6.5, "  " + text, fill=True, new_x="LMARGIN", new_y="NEXT")
    d.set_text_color(0)
    d.ln(3)


def timeline_rilonacept() -> tuple[Doc, list[Ind], list[str]]:
    def header(d: Doc) -> None:
        d.set_font("helvetica", "", 8)
        d.set_xy(d.l_margin, 8)
        d.cell(0, 4, "Granite Peak Health Partners  -  Specialty Drug Coverage Timelines")
        d.set_y(16)

    def footer(d: Doc) -> None:
        d.set_y(-13)
        d.set_font("helvetica", "I", 7.5)
        d.cell(0, 4, f"Timeline TL-031 rilonacept, effective 02/01/2026. Page {d.page_no()}",
               align="C")

    d = Doc(header, footer, margin=18)
    d.add_page()
    _text(d, "Arcalyst (rilonacept): your coverage timeline", "B", 15, 7)
    _text(d, "Read each pathway from top to bottom. Each dot on the line is a point where we "
          "review the request; the bold sentence beside it says how long we approve and how "
          "many of the points below it must be true. Rilonacept is an interleukin-1 blocker "
          "injected under the skin once a week.", "", 9.5, 4.6)
    rp_band = "PATHWAY 1 - Recurrent pericarditis"
    _band(d, rp_band)
    rp_lead = "Approve 6 months when every point is true:"
    rp = g("all_of", rp_lead,
           c("Member is 12 years of age or older."),
           c("At least 3 episodes of pericarditis in all (a first episode and 2 or more "
             "recurrences), each recurrence starting at least 4 weeks after the one before "
             "had settled."),
           c("Inflammation at the current or most recent recurrence: C-reactive protein "
             "above the upper normal limit, or pericardial enhancement on cardiac MRI."),
           g("any_of", "Colchicine, one of:",
             c("taken at full dose for at least 3 months, with a recurrence while taking it"),
             c("stopped or never started because of intolerance or a contraindication")),
           c("A cardiologist prescribes it or has been consulted."))
    _milestone(d, "BEFORE THE FIRST DOSE", rp_lead, rp)
    rp_c_lead = "Renew for 12 months when both points are true:"
    rp_c = g("all_of", rp_c_lead,
             c("Fewer recurrences since rilonacept was started than in the 12 months before, "
               "or none."),
             c("Any glucocorticoid has been stopped or is being tapered."))
    _milestone(d, "MONTH 6, THEN EVERY 12 MONTHS", rp_c_lead, rp_c)
    dira_band = ("PATHWAY 2 - Does the member have DIRA (deficiency of the interleukin-1 "
                 "receptor antagonist)?")
    _band(d, dira_band)
    di_lead = "Approve 12 months when all of these are true:"
    di = g("all_of", di_lead,
           c("Body weight of 10 kg or more."),
           c("Genetic testing shows disease-causing variants in both copies of the IL1RN "
             "gene."),
           c("The disease is in remission on anakinra: no pustular rash, no bone lesions and "
             "a normal C-reactive protein."),
           c("A rheumatologist or clinical immunologist prescribes it."))
    _milestone(d, "BEFORE THE FIRST DOSE (switch from anakinra)", di_lead, di)
    di_c_lead = "Renew for 12 months when:"
    di_c = g("all_of", di_c_lead,
             c("Remission continues: no new skin pustules, osteomyelitis or periostitis, and "
               "C-reactive protein within the normal range."),
             c("Screening for tuberculosis has been repeated or reviewed within the last 12 "
               "months."))
    _milestone(d, "EVERY 12 MONTHS", di_c_lead, di_c)
    _band(d, "AT ANY POINT - we do not cover rilonacept for")
    excl = [
        "Pericarditis with a known specific cause: bacterial or tuberculous infection, "
        "cancer, or after heart surgery or injury.",
        "Use at the same time as a TNF blocker or another interleukin-1 blocker (anakinra, "
        "canakinumab).",
        "Active serious infection, or latent tuberculosis that has not been treated.",
        "Members who need a live vaccine during treatment.",
    ]
    _milestone(d, "STOP", "Not covered:", None, excl)
    inds = [
        Ind("Recurrent pericarditis (rilonacept)", rp_band, ["RP", "recurrent pericarditis"],
            ["I30.8", "I31.9"], rp, rp_c, rp_c_lead),
        Ind("Deficiency of the interleukin-1 receptor antagonist (DIRA) (rilonacept)",
            dira_band, ["DIRA"], ["M04.8"], di, di_c, di_c_lead),
    ]
    return d, inds, excl

"""Eleventh synthetic batch, part A: a provider newsletter article set in two text columns
(VMAT2 inhibitors), pharmacy and therapeutics committee minutes whose motions carry the
criteria (pegloticase, alpha-1 proteinase inhibitor), and a landscape slide deck (acromegaly).
Our own words, fictional plans; drawn with the first batch's layout engine plus small local
helpers."""

from __future__ import annotations

from render import Crit, Doc, Ind, Item, c, g


def rule(d: Doc, y: float, gray: int = 120, width: float = 0.3) -> None:
    d.set_draw_color(gray)
    d.set_line_width(width)
    d.line(d.l_margin, y, d.w - d.r_margin, y)
    d.set_draw_color(0)
    d.set_line_width(0.2)


# =========================================================================================
# 1. Provider newsletter: two text columns per page, masthead, article with a kicker, run-in
#    "First approval" / "Extension" paragraphs over "»" items, a sidebar box of exclusions.
# =========================================================================================


class Column:
    """Writes blocks into one column of the page (no automatic page break: a block that
    would run past the bottom is an error, so every column break is chosen by the content)."""

    def __init__(self, d: Doc, x: float, w: float, y: float) -> None:
        self.d, self.x, self.w = d, x, w
        d.set_auto_page_break(False)
        d.set_xy(x, y)

    def _check(self) -> None:
        if self.d.get_y() > self.d.h - 16:
            raise SystemExit(f"column overflow on page {self.d.page_no()}")

    def text(self, text: str, style: str = "", size: float = 9.5, h: float = 4.2,
             after: float = 1.6) -> None:
        self.d.set_font("times", style, size)
        self.d.set_x(self.x)
        self.d.multi_cell(self.w, h, text, new_x="LEFT", new_y="NEXT")
        self.d.ln(after)
        self._check()

    def item(self, marker: str, text: str, level: int = 0) -> None:
        d = self.d
        d.set_font("times", "", 9.5)
        x = self.x + 2 + level * 4.5
        y = d.get_y()
        d.set_xy(x, y)
        d.cell(4, 4.2, marker)
        d.set_xy(x + 4, y)
        d.multi_cell(self.w - (x + 4 - self.x), 4.2, text, new_x="LEFT", new_y="NEXT")
        d.ln(0.6)
        self._check()

    def tree(self, root: Crit) -> None:
        for kid in root.kids:
            self.item("»", kid.text)
            for sub in kid.kids:
                self.item("·", sub.text, level=1)
        self.d.ln(1)


def newsletter_vmat2() -> tuple[Doc, list[Ind], list[str]]:
    def header(d: Doc) -> None:
        if d.page_no() == 1:
            d.set_fill_color(40, 70, 60)
            d.rect(0, 0, d.w, 26, style="F")
            d.set_text_color(255)
            d.set_font("times", "B", 22)
            d.set_xy(14, 6)
            d.cell(0, 9, "Provider Pulse")
            d.set_font("helvetica", "", 8.5)
            d.set_xy(14, 16)
            d.cell(0, 4, "Cedar Hollow Health Partners  |  News for network clinicians  |  "
                   "Winter 2026, Volume 9, Issue 1")
            d.set_text_color(0)
        else:
            d.set_font("helvetica", "I", 8)
            d.set_xy(14, 8)
            d.cell(0, 4, "Provider Pulse  -  Winter 2026")
            rule(d, 13)

    def footer(d: Doc) -> None:
        d.set_xy(14, d.h - 11)
        d.set_font("helvetica", "", 7.5)
        d.cell(d.w - 28, 3.5, f"{d.page_no()}  |  cedarhollowhp.example/providers/pulse",
               align="C")

    d = Doc(header, footer, margin=14)
    gap, colw = 7.0, (d.w - 28 - 7.0) / 2
    left, right = 14.0, 14.0 + colw + gap
    d.add_page()
    d.set_font("helvetica", "B", 8)
    d.set_text_color(150, 60, 20)
    d.set_xy(14, 31)
    d.cell(0, 4, "PHARMACY CORNER")
    d.set_text_color(0)
    d.set_font("times", "B", 17)
    d.set_xy(14, 36)
    d.multi_cell(d.w - 28, 7, "VMAT2 inhibitors: what we look for before we approve",
                 new_x="LMARGIN", new_y="NEXT")
    d.set_font("times", "I", 10)
    d.set_x(14)
    d.multi_cell(d.w - 28, 5, "New prior authorization criteria for valbenazine, "
                 "deutetrabenazine and tetrabenazine take effect March 1, 2026. By the "
                 "Clinical Pharmacy team.", new_x="LMARGIN", new_y="NEXT")
    top = d.get_y() + 3
    d.set_draw_color(180)
    d.line(14 + colw + gap / 2, top, 14 + colw + gap / 2, d.h - 18)
    d.set_draw_color(0)

    td_lead = ("First approval (3 months). We approve valbenazine (Ingrezza) or "
               "deutetrabenazine (Austedo, Austedo XR) for tardive dyskinesia when the "
               "member:")
    td = g("all_of", td_lead,
           c("is 18 years of age or older;"),
           c("developed the movements after at least 3 months on an antipsychotic or on "
             "metoclopramide, and the diagnosis follows DSM-5;"),
           c("has a baseline AIMS total score recorded before the first dose;"),
           c("is treated by a neurologist or a psychiatrist, or the prescriber has consulted "
             "one;"),
           g("any_of", "has had the causative drug reviewed, meaning either:",
             c("its dose was lowered, or it was switched or stopped, and the movements "
               "persisted;"),
             c("the prescriber explains why changing it would risk a psychiatric "
               "relapse.")))
    tdr_lead = ("Extension (12 months at a time). We keep approving it for tardive "
                "dyskinesia when the member:")
    tdr = g("all_of", tdr_lead,
            c("has a current AIMS total score lower than the baseline score;"),
            c("has filled the prescription regularly over the past 3 months, as pharmacy "
              "claims show."))
    hd_lead = ("First approval (6 months). We approve deutetrabenazine, tetrabenazine or "
               "valbenazine for chorea of Huntington disease when the member:")
    hd = g("all_of", hd_lead,
           c("is 18 years of age or older;"),
           c("has Huntington disease confirmed by a CAG repeat count of 36 or more in the "
             "HTT gene;"),
           c("has chorea that limits daily activities, with a baseline Total Maximal Chorea "
             "score recorded;"),
           c("is treated by a neurologist;"),
           c("has no active suicidal thoughts, and any depression is being treated;"),
           c("has no hepatic impairment when tetrabenazine or deutetrabenazine is "
             "requested."))
    hdr_lead = ("Extension (12 months at a time). We keep approving it for Huntington chorea "
                "when the member:")
    hdr = g("all_of", hdr_lead,
            c("has a Total Maximal Chorea score lower than the baseline score;"),
            c("was screened for depression and suicidal thinking at a visit in the past 6 "
              "months."))

    col = Column(d, left, colw, top)
    col.text("Tardive dyskinesia and the chorea of Huntington disease can both be eased by "
             "drugs that deplete dopamine at the synapse. The three VMAT2 inhibitors on the "
             "market cost from $7,000 to more than $8,000 a month, and requests to our "
             "pharmacy team have doubled since 2023. Working with two neurologists and a "
             "psychiatrist from our network, we rewrote the criteria so that a request "
             "carries the measurements that show a member is likely to benefit.")
    col.text("Tardive dyskinesia", style="B", size=11, after=1)
    col.text(td_lead, style="B")
    col.tree(td)
    col.text("The AIMS is the 12-item Abnormal Involuntary Movement Scale; items 1 to 7 give "
             "the total score (0 to 28). Please send the item scores, not only the total.",
             style="I", size=8.5, h=3.8)
    col.text(tdr_lead, style="B")
    col.tree(tdr)
    col = Column(d, right, colw, top)
    col.text("Huntington disease", style="B", size=11, after=1)
    col.text(hd_lead, style="B")
    col.tree(hd)
    col.text(hdr_lead, style="B")
    col.tree(hdr)
    col.text("Tetrabenazine carries a boxed warning for depression and suicidality, and "
             "deutetrabenazine shares it for Huntington disease. A prescriber who sees "
             "worsening mood should lower the dose or stop the drug; we do not need a new "
             "request to lower a dose.")
    col.text("Continued on page 2", style="I", size=8.5)

    d.add_page()
    top2 = 20.0
    d.set_draw_color(180)
    d.line(14 + colw + gap / 2, top2, 14 + colw + gap / 2, 120)
    d.set_draw_color(0)
    col = Column(d, left, colw, top2)
    col.text("VMAT2 inhibitors (continued from page 1)", style="I", size=8.5)
    col.text("Dosing notes", style="B", size=11, after=1)
    col.text("Valbenazine starts at 40 mg once daily and rises to 80 mg after a week; poor "
             "CYP2D6 metabolizers and members on strong CYP3A4 inhibitors stay at 40 mg. "
             "Deutetrabenazine is titrated weekly by 6 mg a day up to 48 mg a day. "
             "Tetrabenazine above 50 mg a day needs a CYP2D6 genotype.")
    col.text("How to send a request", style="B", size=11, after=1)
    col.text("Use the electronic prior authorization portal or fax form CH-RX-22. Attach the "
             "AIMS or chorea scoring sheet and the most recent visit note.")
    col = Column(d, right, colw, top2)
    d.set_fill_color(235, 240, 236)
    d.rect(right, top2, colw, 66, style="F")
    col = Column(d, right + 2, colw - 4, top2 + 2)
    col.text("What we do not cover", style="B", size=11, after=1)
    excl = [
        "A member who took an MAO inhibitor in the past 14 days or reserpine in the past "
        "20 days.",
        "Two VMAT2 inhibitors at the same time.",
        "Congenital long QT syndrome or a history of arrhythmia with a prolonged QT "
        "interval.",
        "Drug-induced parkinsonism, akathisia or acute dystonia without tardive "
        "dyskinesia.",
    ]
    for t in excl:
        col.item("x", t)
    d.set_auto_page_break(True, margin=22)
    inds = [
        Ind("Tardive dyskinesia", td_lead, ["TD", "drug-induced tardive dyskinesia"],
            ["G24.01"], td, tdr, tdr_lead),
        Ind("Chorea associated with Huntington disease", hd_lead, ["Huntington chorea"],
            ["G10"], hd, hdr, hdr_lead),
    ]
    return d, inds, excl


# =========================================================================================
# 2. Committee minutes: attendance, agenda items, a "Motion" paragraph whose sentence is the
#    lead-in over numbered criteria, a renewal motion, "Vote: ... Motion carried.", and a
#    limits paragraph adopted with the motions.
# =========================================================================================


def minutes_pegloticase() -> tuple[Doc, list[Ind], list[str]]:
    def header(d: Doc) -> None:
        d.set_font("helvetica", "", 8)
        d.set_xy(d.l_margin, 9)
        d.cell(0, 4, "Larkspur Community Health Plan  -  Pharmacy and Therapeutics Committee",
               align="L")
        d.set_xy(d.l_margin, 9)
        d.cell(0, 4, "APPROVED MINUTES", align="R")
        rule(d, 14, 90)
        d.set_y(19)

    def footer(d: Doc) -> None:
        d.set_y(-12)
        d.set_font("helvetica", "", 7.5)
        d.cell(0, 3.5, f"P&T minutes 2025-10-14  |  Confidential peer review document  |  "
               f"Page {d.page_no()} of {{nb}}", align="C")

    def numbered(root: Crit) -> None:
        for k, kid in enumerate(root.kids):
            d.items([Item(0, f"{k + 1}.", kid.text)], base=8, gap=0.2)
            for j, sub in enumerate(kid.kids):
                d.items([Item(1, f"{chr(97 + j)}.", sub.text)], base=8, gap=0.2)

    def motion(text: str) -> None:
        d.set_font("helvetica", "B", 10)
        d.set_x(d.l_margin + 4)
        d.multi_cell(d.width - 4, 4.8, text, new_x="LMARGIN", new_y="NEXT")
        d.ln(1)

    d = Doc(header, footer, margin=20)
    d.add_page()
    d.set_font("helvetica", "B", 13)
    d.cell(0, 6, "Minutes of the Regular Meeting, October 14, 2025", new_x="LMARGIN",
           new_y="NEXT")
    d.ln(1)
    d.para("Present: A. Okafor, MD (chair); L. Brandvold, PharmD; S. Iyer, MD; M. Castellanos, "
           "PharmD; R. Whitfield, MD; J. Amundsen, RN; T. Nakashima, PharmD; E. Duarte, MD; "
           "K. Sorensen, MD. Absent: none. Staff: clinical pharmacy program manager. Quorum "
           "present.", size=9)
    d.heading("1. Call to order", 10.5)
    d.para("The chair called the meeting to order at 5:32 p.m. No member declared a conflict "
           "of interest for the items below.", size=9.5)
    d.heading("2. Minutes of the August meeting", 10.5)
    d.para("Approved as circulated.", size=9.5)
    d.heading("3. New prior authorization criteria", 10.5)
    d.heading("3.1 Pegloticase (Krystexxa) for chronic gout", 10, style="BI", space=1)
    d.para("The pharmacist reviewer summarized the label and the 2022 trial of pegloticase "
           "with methotrexate, in which the response rate rose from about 31% to 71% and "
           "infusion reactions fell. Members discussed G6PD testing before the first dose "
           "and the stopping rule when uric acid rises above 6 mg/dL before an infusion.",
           size=9.5)
    g_lead = ("Motion (Dr. Iyer, seconded by Dr. Whitfield): that pegloticase be approved for "
              "6 months for uncontrolled chronic gout when all of the following are "
              "documented:")
    gout = g("all_of", g_lead,
             c("The member is 18 years of age or older."),
             g("any_of", "The gout is symptomatic, with at least one of:",
               c("three or more flares in the past 18 months;"),
               c("one or more tophi on examination;"),
               c("gouty arthritis with joint damage on imaging.")),
             c("Serum uric acid remains above 6 mg/dL after at least 3 months of allopurinol "
               "or febuxostat at the highest dose tolerated, or both drugs are "
               "contraindicated."),
             c("A G6PD test before the first infusion shows no deficiency."),
             c("Oral methotrexate 15 mg weekly with folic acid is prescribed alongside, "
               "unless methotrexate is contraindicated."),
             c("The prescriber is a rheumatologist."))
    motion(g_lead)
    numbered(gout)
    gr_lead = ("Amended by the chair and accepted by the mover: renewal for a further 6 "
               "months when the record shows:")
    gout_r = g("all_of", gr_lead,
               c("Every pre-infusion serum uric acid since the last approval was below 6 "
                 "mg/dL."),
               c("Fewer flares, or smaller or fewer tophi, than before pegloticase was "
                 "started."))
    motion(gr_lead)
    numbered(gout_r)
    d.para("Vote: 9 in favor, 0 opposed, 0 abstaining. Motion carried.", style="I", size=9.5)
    d.heading("3.2 Alpha-1 proteinase inhibitors (Prolastin-C, Zemaira, Glassia, Aralast NP)",
              10, style="BI", space=1)
    d.para("Dr. Castellanos presented the evidence that weekly augmentation slows the loss of "
           "lung density on CT in severe deficiency. Members agreed that smoking must have "
           "stopped, since augmentation cannot offset continued smoking.", size=9.5)
    a_lead = ("Motion (Dr. Duarte, seconded by Dr. Okafor): that alpha-1 proteinase inhibitor "
              "augmentation be approved for 12 months for emphysema due to alpha-1 "
              "antitrypsin deficiency when all of the following are documented:")
    aat = g("all_of", a_lead,
            c("The member is 18 years of age or older."),
            c("A serum alpha-1 antitrypsin level below 11 micromol/L (about 57 mg/dL)."),
            c("A severe-deficiency genotype such as PiZZ, PiZ(null) or Pi(null)(null)."),
            g("any_of", "Lung disease is shown by either:",
              c("emphysema on chest CT;"),
              c("a post-bronchodilator FEV1 between 30% and 65% of predicted.")),
            c("The member has not smoked for at least 6 months."),
            c("The prescriber is a pulmonologist."))
    motion(a_lead)
    numbered(aat)
    ar_lead = ("Renewal motion, adopted with the same vote: a further 12 months when the "
               "record shows:")
    aat_r = g("all_of", ar_lead,
              c("The member still does not smoke."),
              c("Spirometry was repeated and reviewed by the pulmonologist in the past 12 "
                "months."))
    motion(ar_lead)
    numbered(aat_r)
    d.para("Vote: 8 in favor, 0 opposed, 1 abstaining (Dr. Sorensen). Motion carried.",
           style="I", size=9.5)
    d.heading("3.3 Limits adopted with motions 3.1 and 3.2", 10, style="BI", space=1)
    d.para("The committee agreed that the plan will not cover:", size=9.5)
    excl = [
        "Pegloticase for hyperuricemia without gout symptoms.",
        "Pegloticase given together with allopurinol, febuxostat or another oral "
        "urate-lowering drug.",
        "Augmentation therapy in a member with IgA deficiency and antibodies against IgA.",
        "Augmentation therapy for liver disease from alpha-1 antitrypsin deficiency without "
        "lung disease.",
    ]
    d.items([Item(0, "-", t) for t in excl], base=8, gap=0.2)
    d.heading("4. Other business", 10.5)
    d.para("The annual review of the anticoagulant class was moved to the December meeting.",
           size=9.5)
    d.heading("5. Adjournment", 10.5)
    d.para("The meeting adjourned at 6:47 p.m. Next meeting: December 9, 2025. Minutes taken "
           "by the program manager and approved by the committee on December 9, 2025.",
           size=9.5)
    inds = [
        Ind("Uncontrolled chronic gout", "3.1 Pegloticase (Krystexxa) for chronic gout",
            ["chronic gout refractory to conventional therapy", "tophaceous gout"],
            ["M1A.9", "M10.9"], gout, gout_r, gr_lead),
        Ind("Emphysema due to alpha-1 antitrypsin deficiency", "3.2 Alpha-1 proteinase "
            "inhibitors", ["alpha-1 antitrypsin deficiency", "AATD"], ["E88.01"], aat,
            aat_r, ar_lead),
    ]
    return d, inds, excl


# =========================================================================================
# 3. Slide deck: landscape pages, one slide per request type with a title bar, big bullets
#    ("Approve if ALL:" lines), slide numbers, speaker-style footers.
# =========================================================================================


def slides_acromegaly() -> tuple[Doc, list[Ind], list[str]]:
    def header(d: Doc) -> None:
        d.set_fill_color(25, 45, 95)
        d.rect(0, 0, d.w, 20, style="F")
        d.set_fill_color(230, 160, 30)
        d.rect(0, 20, d.w, 1.5, style="F")

    def footer(d: Doc) -> None:
        d.set_xy(12, d.h - 10)
        d.set_font("helvetica", "", 8)
        d.set_text_color(110)
        d.cell(d.w - 24, 4, "Northgate Health Alliance  |  Clinical Pharmacy Program Update  |"
               "  Q1 2026")
        d.set_xy(12, d.h - 10)
        d.cell(d.w - 24, 4, f"Slide {d.page_no()}", align="R")
        d.set_text_color(0)

    d = Doc(header, footer, margin=14)
    d.set_auto_page_break(False)

    def slide(title: str) -> None:
        d.add_page(orientation="L")
        d.set_text_color(255)
        d.set_font("helvetica", "B", 20)
        d.set_xy(12, 6)
        d.cell(0, 9, title)
        d.set_text_color(0)
        d.set_xy(14, 28)

    def line(text: str, level: int = 0, size: float = 15, style: str = "",
             marker: str = "") -> None:
        d.set_font("helvetica", style, size - 2 * level)
        x = 16 + 12 * level
        y = d.get_y()
        if marker:
            d.set_xy(x, y)
            d.cell(7, size * 0.45, marker)
            x += 7
        d.set_xy(x, y)
        d.multi_cell(d.w - x - 16, size * 0.45, text, new_x="LMARGIN", new_y="NEXT")
        d.ln(1.8)
        if d.get_y() > d.h - 14:
            raise SystemExit(f"slide {d.page_no()} overflows")

    def tree(lead: str, root: Crit) -> None:
        line(lead, style="B", size=15)
        for kid in root.kids:
            line(kid.text, marker="-")
            for sub in kid.kids:
                line(sub.text, level=1, marker="o")

    slide("Acromegaly therapies: 2026 criteria")
    d.set_xy(16, 60)
    d.set_font("helvetica", "", 18)
    d.multi_cell(d.w - 32, 9, "Somatostatin analogs (octreotide LAR, lanreotide) and "
                 "pegvisomant\nPharmacy and Therapeutics Committee, January 2026\nEffective "
                 "for requests received on or after March 1, 2026", new_x="LMARGIN",
                 new_y="NEXT")
    slide("Why new criteria?")
    line("Acromegaly: GH excess from a pituitary adenoma; IGF-1 tracks disease activity",
         marker="-")
    line("Surgery first for most; drugs when surgery fails, is not possible or is declined",
         marker="-")
    line("Octreotide LAR and lanreotide: first-line drugs, about 1 in 3 normalize IGF-1",
         marker="-")
    line("Pegvisomant blocks the GH receptor; normalizes IGF-1 in most; needs liver tests",
         marker="-")

    s_lead = "Somatostatin analog, first request (12 months). Approve if ALL:"
    ssa = g("all_of", s_lead,
            c("Adult, 18 years or older"),
            c("IGF-1 above the upper limit of normal for age and sex"),
            c("Growth hormone not suppressed below 1 ng/mL after a 75 g oral glucose load"),
            g("any_of", "Surgery not curative - ONE of:",
              c("IGF-1 still high 12 weeks or more after pituitary surgery"),
              c("Surgery not possible, declined, or not expected to cure")),
            c("Endocrinologist prescribes"))
    slide("Octreotide LAR / lanreotide - initial")
    tree(s_lead, ssa)
    sr_lead = "Somatostatin analog, renewal (12 months). Approve if ALL:"
    ssa_r = g("all_of", sr_lead,
              c("IGF-1 now lower than before the analog was started"),
              c("HbA1c or fasting glucose checked in the last 6 months"))
    slide("Octreotide LAR / lanreotide - renewal")
    tree(sr_lead, ssa_r)
    line("Tip: send the IGF-1 report with its reference range", size=12, style="I")

    p_lead = "Pegvisomant, first request (6 months). Approve if ALL:"
    peg = g("all_of", p_lead,
            c("Adult, 18 years or older"),
            g("any_of", "Analog failed - ONE of:",
              c("IGF-1 above normal after 6 months or more of a somatostatin analog at the "
                "top labeled dose"),
              c("Somatostatin analog stopped for intolerance, e.g. gallstones or severe "
                "diarrhea")),
            c("ALT and AST no higher than 3 times normal at baseline"),
            c("Endocrinologist prescribes"))
    slide("Pegvisomant (Somavert) - initial")
    tree(p_lead, peg)
    pr_lead = "Pegvisomant, renewal (12 months). Approve if ALL:"
    peg_r = g("all_of", pr_lead,
              c("IGF-1 lower than at the start of pegvisomant"),
              c("Liver tests done at least every 3 months, ALT and AST under 5 times normal"),
              c("Pituitary MRI in the last 12 months shows no tumor growth"))
    slide("Pegvisomant (Somavert) - renewal")
    tree(pr_lead, peg_r)

    slide("Not covered")
    excl = [
        "Two somatostatin analogs at the same time",
        "Somatostatin analog or pegvisomant for gigantism in a child with open growth plates "
        "(case review)",
        "Pegvisomant started before any IGF-1 result",
        "Octreotide for carcinoid or VIPoma diarrhea under these criteria (see oncology "
        "supportive care)",
    ]
    for t in excl:
        line(t, marker="x")
    slide("Questions?")
    line("Clinical pharmacy line 1-800-555-0147, option 3", marker="-")
    line("Criteria document NHA-END-031 on the provider site", marker="-")
    inds = [
        Ind("Acromegaly (somatostatin analog)", s_lead, ["acromegaly", "octreotide LAR",
            "lanreotide"], ["E22.0"], ssa, ssa_r, sr_lead),
        Ind("Acromegaly (pegvisomant)", p_lead, ["acromegaly", "GH receptor antagonist"],
            ["E22.0"], peg, peg_r, pr_lead),
    ]
    return d, inds, excl

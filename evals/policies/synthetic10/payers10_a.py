"""Tenth synthetic batch, part A: a checklist matrix (criteria as rows, the two uses as
columns, "X" / "O" marks in the cells), oxybates for narcolepsy; a state-regulation style rule
("§ 4.2.1", "(A)", "(i)", "(I)" nested markers, "; and" / "; or" at item ends), hepatitis C
direct-acting antivirals; a plan web page printed to PDF (browser header, breadcrumbs, nav
text, "Print this page", URL footer) holding the criteria, transthyretin amyloidosis.
Our own words, fictional plans; drawn with the first batch's layout engine
(`../synthetic/render.py`) plus small local helpers."""

from __future__ import annotations

from render import LINE, Crit, Doc, Ind, Item, c, g


def rule(d: Doc, y: float, shade: int = 150, width: float = 0.2) -> None:
    d.set_draw_color(shade)
    d.set_line_width(width)
    d.line(d.l_margin, y, d.w - d.r_margin, y)
    d.set_line_width(0.2)
    d.set_draw_color(0)


def refs(d: Doc, items: list[str]) -> None:
    d.items([Item(0, f"{k + 1}.", r) for k, r in enumerate(items)])


# =========================================================================================
# 1. Checklist matrix: oxybates. One ruled table per request type; rows are criteria, the
#    columns are the two uses; "X" = required for that use, "O" = one of the O rows of that
#    column is enough. No lead-ins, no logic words in the rows.
# =========================================================================================

MATRIX_W = [128.0, 25.0, 26.9]


def matrix(d: Doc, title: str, rows: list[tuple[str, str, str]]) -> None:
    d.heading(title, 11)
    d.table_head(MATRIX_W, ["Criterion", "Use 1\nCataplexy", "Use 2\nSleepiness"])
    for text, a, b in rows:
        d.row([text, a, b])
    d.end_table()


def matrix_oxybate() -> tuple[Doc, list[Ind], list[str]]:
    def header(d: Doc) -> None:
        d.set_font("helvetica", "B", 9)
        d.set_xy(d.l_margin, 8)
        d.cell(0, 4, "HARBORVIEW RX ALLIANCE  |  Criteria Matrix CM-SLP-114", align="L")
        d.set_font("helvetica", "", 8)
        d.set_xy(d.l_margin, 8)
        d.cell(0, 4, "Effective 01/01/2026", align="R")
        rule(d, 13.5, 90, 0.6)
        d.set_y(18)

    def footer(d: Doc) -> None:
        d.set_y(-13)
        d.set_font("helvetica", "I", 7.5)
        d.cell(0, 3.5, "X = required for the use in that column.  O = at least one of the "
               "rows marked O in that column.  Blank = does not apply.", align="L")
        d.set_xy(d.l_margin, d.get_y() + 3.5)
        d.cell(0, 3.5, f"CM-SLP-114  -  {d.page_no()}/{{nb}}", align="R")

    d = Doc(header, footer)
    d.add_page()
    d.set_font("helvetica", "B", 14)
    d.cell(0, 7, "Oxybate products: sodium oxybate (Xyrem, generic) and mixed-salt oxybates "
           "(Xywav)", new_x="LMARGIN", new_y="NEXT")
    d.heading("How to use this matrix", 11)
    d.para("Find the column for the use requested. Every row marked X in that column must be "
           "met. Where a column has rows marked O, one of those rows is enough. Rows left "
           "blank do not apply to that use. Use 1 is cataplexy in narcolepsy (ICD-10 "
           "G47.411); Use 2 is excessive daytime sleepiness in narcolepsy (G47.411 or "
           "G47.419). Initial requests are approved for 6 months, renewals for 12 months.",
           size=9.5)
    rows_i = [
        ("Narcolepsy confirmed by overnight polysomnography followed by a multiple sleep "
         "latency test with a mean sleep latency of 8 minutes or less and two or more "
         "sleep-onset REM periods", "X", "X"),
        ("Cataplexy is described in the chart (sudden loss of muscle tone triggered by "
         "emotion, with preserved consciousness)", "X", ""),
        ("Epworth Sleepiness Scale score above 10 on the current regimen", "", "X"),
        ("Modafinil or armodafinil taken for at least 30 days without enough benefit", "",
         "O"),
        ("Modafinil and armodafinil both contraindicated or not tolerated", "", "O"),
        ("Prescribed by a sleep medicine specialist, neurologist or psychiatrist", "X", "X"),
        ("No sedative-hypnotic, opioid or other central nervous system depressant is being "
         "taken", "X", "X"),
        ("Prescriber and dispensing pharmacy are enrolled in the oxybate REMS program", "X",
         "X"),
    ]
    matrix(d, "Matrix A - Initial request (approval: 6 months)", rows_i)
    rows_r = [
        ("Fewer cataplexy attacks per week than before the oxybate was started", "X", ""),
        ("Epworth Sleepiness Scale score at least 3 points below the score before the "
         "oxybate", "", "X"),
        ("No sedative-hypnotic, opioid or other central nervous system depressant is being "
         "taken", "X", "X"),
        ("No misuse, diversion or respiratory depression recorded since the last approval",
         "X", "X"),
    ]
    matrix(d, "Matrix B - Renewal request (approval: 12 months)", rows_r)

    def tree(rows: list[tuple[str, str, str]], col: int) -> Crit:
        kids: list[Crit] = []
        opts: Crit | None = None
        for row in rows:
            if row[col] == "X":
                kids.append(c(row[0]))
            elif row[col] == "O":
                if opts is None:
                    opts = g("any_of", "")
                    kids.append(opts)
                opts.kids.append(c(row[0]))
        return g("all_of", "", *kids)

    inds = [
        Ind("Cataplexy in narcolepsy", "Matrix A - Initial request",
            ["narcolepsy type 1", "narcolepsy with cataplexy"], ["G47.411"],
            tree(rows_i, 1), tree(rows_r, 1), "Matrix B - Renewal request"),
        Ind("Excessive daytime sleepiness in narcolepsy", "Matrix A - Initial request",
            ["narcolepsy type 2", "narcolepsy without cataplexy"], ["G47.419", "G47.411"],
            tree(rows_i, 2), tree(rows_r, 2), "Matrix B - Renewal request"),
    ]
    d.heading("Not covered", 11)
    excl = [
        "Succinic semialdehyde dehydrogenase deficiency, in which oxybate is contraindicated",
        "Insomnia, fibromyalgia, alcohol use disorder or any use other than narcolepsy",
        "Two oxybate products at once, or an oxybate with pitolisant started the same month",
        "Children younger than 7 years of age",
    ]
    d.items([Item(0, "-", t) for t in excl])
    d.heading("Dosing and supply", 11)
    d.para("Nightly oxybate is split into two doses, the first at bedtime and the second 2.5 "
           "to 4 hours later; the once-nightly extended-release form is taken at bedtime. The "
           "usual adult maintenance range is 6 to 9 g a night. Supply is limited to 30 days "
           "per fill through the REMS central pharmacy.", size=9.5)
    d.heading("References", 11)
    refs(d, ["Oxybate prescribing information, 2025.",
             "American Academy of Sleep Medicine. Treatment of central disorders of "
             "hypersomnolence, clinical practice guideline, 2021."])
    return d, inds, excl


# =========================================================================================
# 2. State-regulation style: hepatitis C DAAs. "§ 4.2.1" sections, "(A)" conditions, "(i)"
#    alternatives, "(I)" sub-conditions; logic in the section sentence and "; and" / "; or"
#    at item ends.
# =========================================================================================


def clauses(d: Doc, group: Crit, level: int = 0, last_tail: str = ".") -> None:
    """Clauses of ``group``; a nested list's last clause takes the tail its parent clause
    would have had (";", "; and" or ".")."""
    marks = [lambda k: f"({chr(65 + k)})",
             lambda k: f"({['i', 'ii', 'iii', 'iv', 'v'][k]})",
             lambda k: f"({['I', 'II', 'III', 'IV'][k]})"]
    end = {"all_of": "; and", "any_of": "; or"}[group.op]
    n = len(group.kids)
    for k, kid in enumerate(group.kids):
        own = end if k == n - 2 else (";" if k < n - 2 else last_tail)
        tail = "" if kid.is_group else own
        d.set_font("helvetica", "", 10)
        x = d.l_margin + 8 + level * 9
        if d.get_y() + LINE > d.page_break_trigger:
            d.add_page()
        y = d.get_y()
        d.set_xy(x, y)
        d.cell(9, LINE, marks[level](k))
        d.set_xy(x + 9, y)
        d.multi_cell(d.w - d.r_margin - x - 9, LINE, kid.text + tail, new_x="LMARGIN",
                     new_y="NEXT")
        d.ln(0.6)
        if kid.is_group:
            clauses(d, kid, level + 1, own)


def statute_hcv() -> tuple[Doc, list[Ind], list[str]]:
    def header(d: Doc) -> None:
        d.set_font("times", "", 9)
        d.set_xy(d.l_margin, 8)
        d.cell(0, 4, "EASTMARCH ADMINISTRATIVE CODE  -  TITLE 12, CHAPTER 40", align="C")
        d.set_y(18)

    def footer(d: Doc) -> None:
        d.set_y(-13)
        d.set_font("times", "", 8)
        d.cell(0, 3.5, "Eastmarch Register Vol. 51, No. 22 (November 14, 2025)", align="L")
        d.set_xy(d.l_margin, d.get_y())
        d.cell(0, 3.5, f"12-40-{d.page_no()}", align="R")

    def sec(title: str) -> None:
        d.ln(1.5)
        if d.get_y() > d.h - 45:
            d.add_page()
        d.set_font("helvetica", "B", 10)
        d.multi_cell(d.width, LINE, title, new_x="LMARGIN", new_y="NEXT")
        d.set_font("helvetica", "", 10)
        d.ln(0.8)

    d = Doc(header, footer)
    d.add_page()
    d.set_font("times", "B", 13)
    d.multi_cell(d.width, 6, "Rule 12-40-4. Medical Assistance Program: Prior Authorization "
                 "of Direct-Acting Antiviral Agents for Hepatitis C", align="C",
                 new_x="LMARGIN", new_y="NEXT")
    d.ln(2)
    sec("§ 4.1 Definitions.")
    d.para("In this rule, (a) \"direct-acting antiviral\" (DAA) means a drug that blocks the "
           "hepatitis C virus NS3/4A protease, NS5A protein or NS5B polymerase; (b) "
           "\"recipient\" means a person enrolled in the Medical Assistance Program; (c) "
           "\"treating specialist\" means a hepatologist, gastroenterologist or infectious "
           "diseases physician; and (d) \"decompensated cirrhosis\" means cirrhosis with a "
           "Child-Pugh class B or C score or a history of ascites, variceal bleeding or "
           "hepatic encephalopathy.", size=9.5)
    sec("§ 4.2 Conditions for authorization.")
    d.para("The Department shall authorize a preferred DAA regimen only under § 4.2.1 or "
           "§ 4.2.2. An authorization covers 12 weeks of therapy and is released in 28-day "
           "fills subject to § 4.3.", size=9.5)

    naive_lead = ("§ 4.2.1 First treatment. The Department shall authorize sofosbuvir/"
                  "velpatasvir (Epclusa) for a recipient with chronic hepatitis C who has "
                  "never received a DAA when each of the following conditions is met:")
    naive = g("all_of", naive_lead,
              c("The recipient is 3 years of age or older"),
              c("Viremia is confirmed by a quantifiable HCV RNA level drawn within the 6 "
                "months before the request"),
              g("any_of", "The prescriber has staged the liver disease and the record shows "
                "either",
                c("a fibrosis stage F0 to F4 without decompensation, by elastography, FIB-4 "
                  "or biopsy"),
                g("all_of", "decompensated cirrhosis, in which case",
                  c("the prescriber is a treating specialist or a liver transplant center "
                    "physician"),
                  c("weight-based ribavirin is added unless the recipient cannot take "
                    "it"))),
              c("Hepatitis B surface antigen and core antibody results from before the "
                "first dose are on file"),
              c("No other DAA is prescribed with the requested regimen"))
    retreat_lead = ("§ 4.2.2 Retreatment. The Department shall authorize sofosbuvir/"
                    "velpatasvir/voxilaprevir (Vosevi) for a recipient whose earlier DAA "
                    "course did not cure the infection when each of the following "
                    "conditions is met:")
    retreat = g("all_of", retreat_lead,
                c("The recipient is 18 years of age or older"),
                c("HCV RNA is detectable 12 weeks or more after the end of the earlier DAA "
                  "course"),
                g("any_of", "The earlier course was",
                  c("a regimen that contained an NS5A inhibitor"),
                  c("sofosbuvir without an NS5A inhibitor, given for genotype 1a or "
                    "genotype 3")),
                c("The recipient does not have decompensated cirrhosis"),
                c("The prescriber is a treating specialist"))
    cont_lead = ("§ 4.3 Continued dispensing. Each fill after the first 28 days of a course "
                 "authorized under § 4.2.1 or § 4.2.2 shall be released when:")
    cont = g("all_of", cont_lead,
             c("Pharmacy claims show the earlier fills were collected with no gap longer "
               "than 7 days"),
             c("The prescriber attests that the recipient is taking the regimen as "
               "directed"))
    for lead, tree in ((naive_lead, naive), (retreat_lead, retreat)):
        sec(lead)
        clauses(d, tree)
    sec(cont_lead)
    clauses(d, cont)
    sec("§ 4.4 Limitations.")
    d.para("The Department shall not authorize a DAA under this rule for:", size=9.5)
    excl = [
        "A recipient whose life expectancy is under 12 months from a condition unrelated "
        "to the liver and not improved by cure",
        "Acute hepatitis C of less than 6 months' duration, except for a recipient who "
        "injects drugs",
        "A second retreatment after a course of sofosbuvir/velpatasvir/voxilaprevir",
        "A regimen longer than the labeled duration for the genotype and cirrhosis status",
    ]
    d.items([Item(0, f"({chr(65 + k)})", t + ";" * (k < 3) + "." * (k == 3))
             for k, t in enumerate(excl)], base=8)
    sec("§ 4.5 Reinfection.")
    d.para("A recipient with a new infection after a documented cure is treated as a first "
           "treatment under § 4.2.1 when the new infection is confirmed by HCV RNA.",
           size=9.5)
    d.para("Authority: Eastmarch Code § 27-3-115. History: adopted 2019; amended 2023, 2025.",
           size=8.5, style="I")
    inds = [
        Ind("Chronic hepatitis C, first treatment", naive_lead,
            ["chronic hepatitis C", "treatment-naive HCV"], ["B18.2"], naive, cont,
            cont_lead),
        Ind("Chronic hepatitis C, retreatment after DAA failure", retreat_lead,
            ["HCV retreatment", "DAA-experienced hepatitis C"], ["B18.2"], retreat, cont,
            cont_lead),
    ]
    return d, inds, excl


# =========================================================================================
# 3. Web page printed to PDF: tafamidis and vutrisiran. Browser print header (date, page
#    title), site nav and breadcrumbs, "Print this page", bullets "all of these" / "one of
#    these", URL and n/N in the footer.
# =========================================================================================

URL = "https://www.meridianpeaks.example/providers/pharmacy/coverage/attr-therapies"


def web_attr() -> tuple[Doc, list[Ind], list[str]]:
    def header(d: Doc) -> None:
        d.set_font("helvetica", "", 7.5)
        d.set_xy(8, 5)
        d.cell(0, 3.5, "12/2/25, 9:14 AM", align="L")
        d.set_xy(8, 5)
        d.cell(d.w - 16, 3.5, "ATTR amyloidosis therapies | Coverage Library | Meridian "
               "Peaks Health", align="C")
        d.set_y(14)

    def footer(d: Doc) -> None:
        d.set_y(-10)
        d.set_font("helvetica", "", 7.5)
        d.set_x(8)
        d.cell(d.w - 16, 3.5, URL, align="L")
        d.set_x(8)
        d.cell(d.w - 16, 3.5, f"{d.page_no()}/{{nb}}", align="R")

    d = Doc(header, footer, margin=14)
    d.add_page()
    d.set_font("helvetica", "B", 10)
    d.set_text_color(20, 60, 120)
    d.cell(0, 5, "MERIDIAN PEAKS HEALTH", new_x="LMARGIN", new_y="NEXT")
    d.set_font("helvetica", "", 8)
    d.set_text_color(60)
    d.cell(0, 4, "Skip to main content   Find a Doctor   Members   Providers   Employers   "
           "Search   Sign in", new_x="LMARGIN", new_y="NEXT")
    d.cell(0, 4, "Home > Providers > Pharmacy > Coverage Library > Cardiology", new_x="LMARGIN",
           new_y="NEXT")
    d.set_text_color(0)
    d.ln(2)
    d.set_font("helvetica", "B", 16)
    d.cell(0, 8, "Transthyretin amyloidosis (ATTR) therapies", new_x="LMARGIN",
           new_y="NEXT")
    d.set_font("helvetica", "", 8)
    d.cell(0, 4, "Print this page   |   Email   |   Share        Last updated: November 3, "
           "2025", new_x="LMARGIN", new_y="NEXT")
    d.ln(2)
    d.para("On this page: Tafamidis for cardiomyopathy  -  Vutrisiran for polyneuropathy  -  "
           "What we don't cover  -  Resources", size=8.5, style="I")
    d.para("These coverage rules apply to Meridian Peaks commercial and Marketplace plans. "
           "Send requests through the provider portal with the clinic notes, test reports "
           "and imaging named below.", size=9.5)

    def block(title: str) -> None:
        d.heading(title, 12)

    def bullets(root: Crit) -> None:
        items = []
        for kid in root.kids:
            items.append(Item(0, "•", kid.text))
            for sub in kid.kids:
                items.append(Item(1, "–", sub.text))
        d.items(items)

    block("Tafamidis (Vyndaqel, Vyndamax) for cardiomyopathy")
    cm_lead = ("First approval (12 months). We cover tafamidis when the member has all of "
               "these:")
    cm = g("all_of", cm_lead,
           g("any_of", "Transthyretin amyloid cardiomyopathy, wild-type or hereditary, "
             "proven by one of these:",
             c("a technetium pyrophosphate or DPD scan read as grade 2 or 3, with serum and "
               "urine immunofixation and a free light chain ratio showing no monoclonal "
               "protein"),
             c("a heart or other tissue biopsy with transthyretin amyloid deposits typed by "
               "mass spectrometry or immunohistochemistry")),
           c("Heart failure symptoms of NYHA class I, II or III"),
           c("A prescription from a cardiologist or written with one"),
           c("No use together with patisiran, vutrisiran, inotersen or eplontersen"))
    d.para(cm_lead, style="B")
    bullets(cm)
    cm_r_lead = ("Renewal (12 months). We keep covering tafamidis when the member has all of "
                 "these:")
    cm_r = g("all_of", cm_r_lead,
             c("Symptoms remain NYHA class I, II or III"),
             c("The cardiologist notes benefit, such as steady walking distance or fewer "
               "heart failure admissions"),
             c("Still no use together with patisiran, vutrisiran, inotersen or eplontersen"))
    d.para(cm_r_lead, style="B")
    bullets(cm_r)

    block("Vutrisiran (Amvuttra) for hereditary ATTR polyneuropathy")
    pn_lead = ("First approval (12 months). We cover vutrisiran when the member has all of "
               "these:")
    pn = g("all_of", pn_lead,
           c("A disease-causing TTR gene variant on genetic testing"),
           c("Polyneuropathy on exam or nerve conduction studies, with a PND score of IIIb or "
             "lower or FAP stage 1 or 2"),
           c("A prescription from a neurologist or an amyloidosis center physician"),
           c("A plan to take the daily vitamin A supplement at the labeled amount"),
           c("No use together with tafamidis, patisiran, inotersen or eplontersen"))
    d.para(pn_lead, style="B")
    bullets(pn)
    pn_r_lead = ("Renewal (12 months). We keep covering vutrisiran when the member has all "
                 "of these:")
    pn_r = g("all_of", pn_r_lead,
             g("any_of", "Neuropathy has not worsened since the baseline, shown by one of "
               "these:",
               c("PND score the same or lower than at baseline"),
               c("mNIS+7 or NIS within 10 points of the baseline value")),
             c("Still no use together with tafamidis, patisiran, inotersen or eplontersen"))
    d.para(pn_r_lead, style="B")
    bullets(pn_r)

    block("What we don't cover")
    excl = [
        "Light chain (AL) amyloidosis or any amyloid type other than transthyretin",
        "Tafamidis for members with a heart transplant or a left ventricular assist device",
        "Vutrisiran for members who have had a liver transplant for hereditary ATTR",
        "Doses above the labeled dose: tafamidis 61 mg or 80 mg daily, vutrisiran 25 mg "
        "every 3 months",
    ]
    d.items([Item(0, "•", t) for t in excl])
    block("Resources")
    d.para("Prior authorization request form (PDF)   |   Specialty pharmacy network   |   "
           "Contact provider services: 1-800-555-0144", size=9)
    d.para("Was this page helpful?  Yes  No", size=8, style="I")
    d.para("© 2025 Meridian Peaks Health. Privacy  |  Terms of use  |  Nondiscrimination "
           "notice  |  Language assistance", size=7.5)
    inds = [
        Ind("Transthyretin amyloid cardiomyopathy (ATTR-CM)", cm_lead,
            ["ATTR-CM", "cardiac amyloidosis"], ["E85.82", "E85.1", "I43"], cm, cm_r,
            cm_r_lead),
        Ind("Hereditary transthyretin amyloidosis with polyneuropathy", pn_lead,
            ["hATTR-PN", "familial amyloid polyneuropathy"], ["E85.1", "G63"], pn, pn_r,
            pn_r_lead),
    ]
    return d, inds, excl

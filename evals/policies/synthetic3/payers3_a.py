"""Third synthetic batch, part A: a state Medicaid clinical edit with numbered yes/no steps
(rifaximin), a Molina/CareSource-style policy with "Initial approval criteria" /
"Continuation of therapy" sub-headings and AND / OR lines between items (risankizumab), and a
Premera/Blue Shield-style policy whose criteria sit in a two-column table, Criteria | Approval
duration, per indication (ravulizumab). Our own words, fictional plans; drawn with the first
batch's layout engine (`../synthetic/render.py`)."""

from __future__ import annotations

from render import Crit, Doc, Ind, Item, Style, c, g, letters, numbers

BACKGROUND = (
    "The evidence reviewed for this document includes the randomized trials that supported "
    "approval, later open-label extensions and the published guidance of the relevant "
    "specialty societies. Trial populations were selected, so results may not apply to every "
    "member; where the data are thin, the criteria below lean on the labeled use."
)


def rule(d: Doc, y: float, shade: int = 150) -> None:
    d.set_draw_color(shade)
    d.line(d.l_margin, y, d.w - d.r_margin, y)
    d.set_draw_color(0)


def keyvals(d: Doc, rows: list[tuple[str, str]], key_w: float = 36, size: float = 9) -> None:
    for k, v in rows:
        d.set_font("helvetica", "B", size)
        d.cell(key_w, 4.6, k)
        d.set_font("helvetica", "", size)
        d.multi_cell(d.width - key_w, 4.6, v, new_x="LMARGIN", new_y="NEXT")
    d.set_font("helvetica", size=10)


# =========================================================================================
# 1. State Medicaid clinical edit, numbered yes/no steps: rifaximin
# =========================================================================================

Step = tuple[Crit, str, str]  # (question, action on Yes, action on No)


def tx_rifaximin() -> tuple[Doc, list[Ind], list[str]]:
    program = "Prairie State Medicaid Vendor Drug Program"

    def header(d: Doc) -> None:
        d.set_font("helvetica", "", 8)
        d.set_text_color(60)
        d.set_xy(d.l_margin, 8)
        d.cell(0, 4, program, align="L")
        d.set_xy(d.l_margin, 8)
        d.cell(0, 4, "Clinical Prior Authorization Edit: Rifaximin", align="R")
        rule(d, 13)
        d.set_y(18)

    def footer(d: Doc) -> None:
        d.set_y(-15)
        d.set_font("helvetica", "", 7.5)
        d.set_text_color(60)
        d.cell(0, 3.5, "Criteria are reviewed by the Drug Utilization Review Board and may "
               "change. Revised 03/12/2026.", align="L", new_x="LMARGIN", new_y="NEXT")
        d.cell(0, 3.5, f"Page {d.page_no()} of {{nb}}", align="R")

    d = Doc(header, footer)
    d.add_page()
    d.set_font("helvetica", "B", 15)
    d.cell(0, 8, "Rifaximin (Xifaxan®)", new_x="LMARGIN", new_y="NEXT")
    d.set_font("helvetica", "", 9.5)
    d.cell(0, 5, "Clinical Prior Authorization Edit Criteria", new_x="LMARGIN", new_y="NEXT")
    d.ln(2)
    d.table_head([55, d.width - 55], ["Edit information", ""])
    for k, v in [("Edit type", "Clinical prior authorization (automated with manual review)"),
                 ("Programs", "Medicaid fee-for-service, Children's Health Insurance Program, "
                  "managed care organizations"),
                 ("Original date", "09/01/2019"), ("Current revision", "03/12/2026")]:
        d.row([k, v])
    d.end_table()
    d.heading("Clinical edit information included in this document", 11)
    d.items([Item(0, "•", t) for t in [
        "Drugs requiring prior authorization: the list of drugs and their labels",
        "Clinical criteria logic: the numbered questions the reviewer answers, one condition "
        "at a time",
        "Supporting tables: diagnosis codes and quantity limits used by the automated edit",
        "References and publication history"]])
    d.heading("Drugs requiring prior authorization", 11)
    d.table_head([90, 40, d.width - 130], ["Label name", "GCN", "Strength"])
    d.row(["XIFAXAN 200 MG TABLET", "97521", "200 mg"])
    d.row(["XIFAXAN 550 MG TABLET", "28279", "550 mg"])
    d.end_table()
    d.heading("How the clinical criteria logic is read", 11)
    d.para("Each condition has its own set of numbered steps. Answer the steps in order. A "
           "'Yes' or 'No' sends the review to the step named beside it. 'Deny' ends the "
           "automated review; the prescriber may ask for a manual review and send further "
           "records. 'Approve' gives the duration in parentheses. The automated edit reads the "
           "client's claims history for the past 365 days; a reviewer may accept chart notes "
           "instead.")
    d.para(BACKGROUND, size=9)
    d.heading("Clinical Criteria Logic", 12.5)

    def logic(title: str, steps: list[Step]) -> None:
        d.heading(title, 11, space=3)
        for k, (crit, yes, no) in enumerate(steps):
            if d.get_y() + 14 > d.page_break_trigger:
                d.add_page()
            y = d.get_y()
            d.set_font("helvetica", "B", 10)
            d.set_xy(d.l_margin + 2, y)
            d.cell(16, 4.6, f"Step {k + 1}")
            d.set_font("helvetica", "", 10)
            d.set_xy(d.l_margin + 18, y)
            d.multi_cell(d.width - 18, 4.6, crit.text, new_x="LMARGIN", new_y="NEXT")
            d.set_x(d.l_margin + 24)
            d.set_font("helvetica", "", 9.5)
            d.cell(60, 4.6, f"[  ] Yes  ({yes})")
            d.cell(0, 4.6, f"[  ] No  ({no})", new_x="LMARGIN", new_y="NEXT")
            d.ln(1.6)
        d.set_font("helvetica", size=10)

    he_age = c("Is the client 18 years of age or older?")
    he_dx = c("Does the client have a diagnosis of overt hepatic encephalopathy in the last 365 "
              "days?")
    he_lact = c("Has the client received lactulose for at least 30 days within the last 90 "
                "days?")
    he_lact_no = c("Does the prescriber document an intolerance or a contraindication to "
                   "lactulose?")
    he_qty = c("Is the requested quantity 60 tablets of 550 mg or fewer for each 30 days?")
    logic("Hepatic Encephalopathy (HE) - Initial Request", [
        (he_age, "Go to Step 2", "Deny"),
        (he_dx, "Go to Step 3", "Deny"),
        (he_lact, "Go to Step 5", "Go to Step 4"),
        (he_lact_no, "Go to Step 5", "Deny"),
        (he_qty, "Approve - 180 days", "Deny"),
    ])
    he = g("all_of", "", he_age, he_dx, g("any_of", "", he_lact, he_lact_no), he_qty)

    he_r1 = c("Has the client received rifaximin 550 mg on at least 150 of the last 180 days?")
    he_r2 = c("Does the prescriber document a benefit, such as fewer overt episodes or fewer "
              "hospital admissions for hepatic encephalopathy since rifaximin was started?")
    he_r3 = c("Is the requested quantity 60 tablets of 550 mg or fewer for each 30 days, the same "
              "limit as the first request?")
    logic("Hepatic Encephalopathy (HE) - Renewal Request", [
        (he_r1, "Go to Step 2", "Review as an initial request"),
        (he_r2, "Go to Step 3", "Deny"),
        (he_r3, "Approve - 365 days", "Deny"),
    ])
    he_c = g("all_of", "", he_r1, he_r2, he_r3)

    ib_age = c("Is the client 18 years of age or older?")
    ib_dx = c("Does the client have a diagnosis of irritable bowel syndrome with diarrhea "
              "(IBS-D) in the last 365 days?")
    ib_lop = c("Has the client had a trial of loperamide lasting at least 14 days in the last "
               "12 months?")
    ib_spasm = c("Has the client had a trial of an antispasmodic (dicyclomine or hyoscyamine) "
                 "lasting at least 14 days in the last 12 months?")
    ib_celiac = c("Does the prescriber document that celiac disease and inflammatory bowel "
                  "disease have been ruled out?")
    ib_qty = c("Is the request for one 14-day course, 42 tablets of 550 mg or fewer?")
    logic("Irritable Bowel Syndrome with Diarrhea (IBS-D) - First Course", [
        (ib_age, "Go to Step 2", "Deny"),
        (ib_dx, "Go to Step 3", "Deny"),
        (ib_lop, "Go to Step 5", "Go to Step 4"),
        (ib_spasm, "Go to Step 5", "Deny"),
        (ib_celiac, "Go to Step 6", "Deny"),
        (ib_qty, "Approve - 14 days", "Deny"),
    ])
    ib = g("all_of", "", ib_age, ib_dx, g("any_of", "", ib_lop, ib_spasm), ib_celiac, ib_qty)

    ib_r1 = c("Has the client completed a 14-day course of rifaximin for IBS-D?")
    ib_r2 = c("Did the symptoms improve after that course and then come back?")
    ib_r3 = c("Has the client received fewer than 3 courses of rifaximin for IBS-D in total?")
    ib_r4 = c("Is the request for one more 14-day course, 42 tablets of 550 mg or fewer?")
    logic("Irritable Bowel Syndrome with Diarrhea (IBS-D) - Retreatment", [
        (ib_r1, "Go to Step 2", "Review as a first course"),
        (ib_r2, "Go to Step 3", "Deny"),
        (ib_r3, "Go to Step 4", "Deny"),
        (ib_r4, "Approve - 14 days", "Deny"),
    ])
    ib_c = g("all_of", "", ib_r1, ib_r2, ib_r3, ib_r4)

    td_age = c("Is the client 12 years of age or older?")
    td_dx = c("Does the client have travelers' diarrhea caused by noninvasive strains of "
              "Escherichia coli?")
    td_fever = c("Is the client free of fever and of blood in the stool?")
    td_qty = c("Is the request for 9 tablets of 200 mg or fewer (one 3-day course)?")
    logic("Travelers' Diarrhea", [
        (td_age, "Go to Step 2", "Deny"),
        (td_dx, "Go to Step 3", "Deny"),
        (td_fever, "Go to Step 4", "Deny"),
        (td_qty, "Approve - 3 days", "Deny"),
    ])
    td = g("all_of", "", td_age, td_dx, td_fever, td_qty)

    d.heading("Requests Not Approved Under This Edit", 11)
    d.para("The edit does not approve rifaximin for the uses below. A prescriber who believes a "
           "client needs rifaximin for one of them may ask for a medical necessity review.")
    excl = ["Treatment of Clostridioides difficile infection",
            "Small intestinal bacterial overgrowth",
            "Prevention of travelers' diarrhea before or during travel",
            "Hepatic encephalopathy prophylaxis in a client who has never had an overt episode"]
    d.items([Item(0, "•", t) for t in excl])

    d.heading("Clinical Criteria Supporting Tables", 12)
    d.para("Table 1. Diagnosis codes read by the automated edit", style="B", size=9.5)
    d.table_head([35, d.width - 35], ["ICD-10-CM", "Description"])
    for code, desc in [("K76.82", "Hepatic encephalopathy"),
                       ("K72.90", "Hepatic failure, unspecified without coma"),
                       ("K72.91", "Hepatic failure, unspecified with coma"),
                       ("K58.0", "Irritable bowel syndrome with diarrhea"),
                       ("A04.4", "Other intestinal Escherichia coli infections")]:
        d.row([code, desc])
    d.end_table()
    d.para("Table 2. Quantity limits", style="B", size=9.5)
    d.table_head([70, 50, d.width - 120], ["Condition", "Strength", "Limit"])
    for cond, strength, lim in [("Hepatic encephalopathy", "550 mg", "60 tablets / 30 days"),
                                ("IBS-D", "550 mg", "42 tablets / 14 days, 3 courses"),
                                ("Travelers' diarrhea", "200 mg", "9 tablets / 3 days")]:
        d.row([cond, strength, lim])
    d.end_table()
    d.heading("References", 11)
    d.items([Item(0, f"{k + 1}.", r) for k, r in enumerate([
        "Xifaxan (rifaximin) tablets, prescribing information. Revised 2025.",
        "Dunmore K, Palacios R. Rifaximin added to lactulose after a first overt episode of "
        "hepatic encephalopathy. Hepatol Pract. 2022;14:55-68.",
        "Osei A, et al. Repeat courses of a gut-selective antibiotic in diarrhea-predominant "
        "irritable bowel syndrome. Gut Ther Rev. 2023;8:201-216."])])
    d.heading("Publication History", 11)
    d.table_head([35, d.width - 35], ["Date", "Change"])
    d.row(["03/12/2026", "Renewal step for hepatic encephalopathy based on days of therapy."])
    d.row(["06/01/2024", "IBS-D retreatment limited to three courses."])
    d.row(["09/01/2019", "Edit created."])
    d.end_table()

    inds = [
        Ind("Hepatic Encephalopathy", "Hepatic Encephalopathy (HE) - Initial Request",
            ["HE", "overt hepatic encephalopathy"], ["K76.82", "K72.90", "K72.91"], he, he_c,
            "Hepatic Encephalopathy (HE) - Renewal Request"),
        Ind("Irritable Bowel Syndrome with Diarrhea",
            "Irritable Bowel Syndrome with Diarrhea (IBS-D) - First Course", ["IBS-D"],
            ["K58.0"], ib, ib_c, "Irritable Bowel Syndrome with Diarrhea (IBS-D) - Retreatment"),
        Ind("Travelers' Diarrhea", "Travelers' Diarrhea Step 1", ["travelers diarrhea"],
            ["A04.4"], td),
    ]
    return d, inds, excl

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


# =========================================================================================
# 2. Molina / CareSource-style drug coverage criteria: risankizumab. Per condition an
#    "Initial approval criteria" and a "Continuation of therapy" sub-heading; AND / OR on a
#    line of their own between items; "Documentation of ONE of the following:" lead-ins.
# =========================================================================================

MOLINA = Style(markers=[numbers, letters, lambda i: f"({['i', 'ii', 'iii', 'iv', 'v'][i]})"],
               between={"all_of": "AND", "any_of": "OR"})


def molina_risankizumab() -> tuple[Doc, list[Ind], list[str]]:
    plan = "Riverbend Community Care"

    def header(d: Doc) -> None:
        d.set_font("helvetica", "B", 11)
        d.set_text_color(0, 84, 140)
        d.set_xy(d.l_margin, 8)
        d.cell(0, 5, plan.upper(), align="L")
        d.set_font("helvetica", "", 8.5)
        d.set_text_color(80)
        d.set_xy(d.l_margin, 8.5)
        d.cell(0, 4, "Drug and Biologic Coverage Criteria", align="R")
        d.set_draw_color(0, 84, 140)
        d.line(d.l_margin, 14, d.w - d.r_margin, 14)
        d.set_draw_color(0)
        d.set_y(19)

    def footer(d: Doc) -> None:
        d.set_y(-14)
        d.set_font("helvetica", "", 7.5)
        d.set_text_color(90)
        d.cell(0, 3.5, "Risankizumab-rzaa (Skyrizi)  |  Original effective date 10/2022  |  "
               f"Current effective date 04/2026  |  Page {d.page_no()} of {{nb}}", align="C",
               new_x="LMARGIN", new_y="NEXT")
        d.cell(0, 3.5, f"Proprietary information of {plan}. Do not distribute without "
               "permission.", align="C")

    d = Doc(header, footer)
    d.add_page()
    d.set_font("helvetica", "B", 15)
    d.cell(0, 8, "Risankizumab-rzaa (Skyrizi®)", new_x="LMARGIN", new_y="NEXT")
    keyvals(d, [("Policy number:", "RCC-DBC-0781"),
                ("Lines of business:", "Medicaid, Marketplace, Medicare-Medicaid Plan"),
                ("Benefit:", "Pharmacy (subcutaneous); medical (intravenous induction)")])
    d.heading("OVERVIEW", 10.5)
    d.para("Risankizumab is a humanized monoclonal antibody that binds the p19 subunit of "
           "interleukin-23. It is given subcutaneously for psoriatic disease and, after three "
           "intravenous induction doses, by subcutaneous on-body injector for inflammatory "
           "bowel disease.")
    d.heading("SUMMARY OF EVIDENCE", 10.5)
    d.para(BACKGROUND, size=9)
    d.heading("COVERAGE POLICY", 10.5)
    d.para("Members must meet the criteria for the diagnosis being requested. Chart notes, "
           "laboratory results and pharmacy claims supporting each criterion must be submitted. "
           "Requests that do not meet the criteria below are reviewed by a clinical pharmacist "
           "or medical director.", size=9.5)

    inds: list[Ind] = []

    def condition(letter: str, name: str, init: Crit, init_len: str, cont: Crit | None,
                  cont_len: str, aliases: list[str], icd: list[str]) -> None:
        d.heading(f"{letter}. {name.upper()}", 10.5, space=3)
        d.para("Initial approval criteria", style="BI")
        d.items(MOLINA.items(init), base=3)
        d.para(f"Approval duration: {init_len}", style="B", size=9.5)
        if cont is not None:
            d.para("Continuation of therapy", style="BI")
            d.items(MOLINA.items(cont), base=3)
            d.para(f"Approval duration: {cont_len}", style="B", size=9.5)
        inds.append(Ind(name, f"{letter}. {name.upper()} Initial approval criteria", aliases,
                        icd, init, cont, "Continuation of therapy" if cont else ""))

    tb = c("Negative tuberculosis screening (interferon-gamma release assay or tuberculin skin "
           "test) within the 12 months before the request, or treatment for latent "
           "tuberculosis has been started")
    alone = c("Risankizumab will not be used together with another biologic or a targeted "
              "synthetic drug (such as a Janus kinase inhibitor or apremilast)")
    current = c(f"Member is currently receiving risankizumab through {plan}, or has met the "
                "initial approval criteria above")

    pso = g("all_of", "",
            c("Documented diagnosis of moderate to severe chronic plaque psoriasis"),
            c("Member is 18 years of age or older"),
            c("Prescribed by, or in consultation with, a board-certified dermatologist"),
            g("any_of", "Disease severity documented by ONE of the following:",
              c("At least 3% of body surface area affected"),
              c("Involvement of the face, scalp, genitals, palms, soles or nails")),
            g("any_of", "Documentation of ONE of the following:",
              c("Inadequate response after at least 12 weeks of, or intolerance to, "
                "methotrexate, cyclosporine or acitretin"),
              c("Inadequate response after at least 12 weeks of phototherapy (narrowband UVB "
                "or PUVA)"),
              c("Contraindication to methotrexate, cyclosporine and acitretin")),
            tb, alone)
    pso_c = g("all_of", "", current,
              g("any_of", "Documented improvement since starting treatment, shown by ONE of the "
                "following:",
                c("Affected body surface area reduced from baseline"),
                c("PASI score improved by at least 50% from baseline"),
                c("Less itching, scaling or plaque thickness, as recorded by the prescriber")),
              alone)
    condition("A", "Plaque psoriasis", pso, "6 months", pso_c, "12 months",
              ["PsO", "psoriasis"], ["L40.0"])

    psa = g("all_of", "",
            c("Documented diagnosis of active psoriatic arthritis"),
            c("Member is 18 years of age or older"),
            c("Prescribed by, or in consultation with, a rheumatologist or dermatologist"),
            g("any_of", "Documentation of ONE of the following:",
              c("Inadequate response after at least 3 months of, or intolerance to, "
                "methotrexate, leflunomide or sulfasalazine"),
              c("Contraindication to methotrexate, leflunomide and sulfasalazine"),
              c("Predominant enthesitis or dactylitis, for which conventional agents are not "
                "expected to help")),
            tb, alone)
    psa_c = g("all_of", "", current,
              c("Fewer tender or swollen joints, or better function, compared with baseline"),
              alone)
    condition("B", "Psoriatic arthritis", psa, "6 months", psa_c, "12 months", ["PsA"],
              ["L40.50-L40.59"])

    d.para("Note: Intravenous induction for Crohn's disease and ulcerative colitis is reviewed "
           "under the medical benefit; the subcutaneous maintenance doses are reviewed under the "
           "pharmacy benefit with the same criteria.", style="I", size=9)
    cd = g("all_of", "",
           c("Documented diagnosis of moderately to severely active Crohn's disease"),
           c("Member is 18 years of age or older"),
           c("Prescribed by, or in consultation with, a gastroenterologist"),
           g("any_of", "Documentation of ONE of the following:",
             g("any_of", "Inadequate response to, intolerance of, or contraindication to ONE of "
               "the following conventional therapies:",
               c("Oral corticosteroids (prednisone or budesonide) for at least 4 weeks"),
               c("Azathioprine, 6-mercaptopurine or methotrexate for at least 3 months")),
             c("Inadequate response to, or intolerance of, a tumor necrosis factor inhibitor "
               "(infliximab, adalimumab or certolizumab pegol)"),
             c("High-risk disease, such as fistulizing or perianal disease or extensive small "
               "bowel involvement")),
           c("Liver enzymes (ALT, AST) and total bilirubin measured within the 30 days before "
             "the first infusion"),
           c("Requested regimen is 600 mg by intravenous infusion at weeks 0, 4 and 8, then "
             "180 mg or 360 mg subcutaneously every 8 weeks"),
           tb, alone)
    cd_c = g("all_of", "", current,
             g("any_of", "Documentation of ONE of the following:",
               c("Fewer liquid stools or less abdominal pain than before treatment"),
               c("Endoscopic or radiologic improvement of inflammation"),
               c("Corticosteroid dose reduced or stopped since starting risankizumab")),
             c("Maintenance dose does not exceed 360 mg every 8 weeks"))
    condition("C", "Crohn's disease", cd, "Induction: 3 months (3 intravenous doses); "
              "maintenance: 6 months", cd_c, "12 months", ["CD", "Crohn disease"],
              ["K50.00-K50.919"])

    uc = g("all_of", "",
           c("Documented diagnosis of moderately to severely active ulcerative colitis"),
           c("Member is 18 years of age or older"),
           c("Prescribed by, or in consultation with, a gastroenterologist"),
           g("any_of", "Documentation of ONE of the following:",
             c("Inadequate response to, intolerance of, or contraindication to an "
               "aminosalicylate, a corticosteroid, or a thiopurine"),
             c("Inadequate response to, or intolerance of, a biologic or a Janus kinase "
               "inhibitor for ulcerative colitis")),
           c("Requested regimen is 1,200 mg by intravenous infusion at weeks 0, 4 and 8, then "
             "180 mg or 360 mg subcutaneously every 8 weeks"),
           tb, alone)
    uc_c = g("all_of", "", current,
             c("Fewer bloody stools or lower stool frequency than at baseline, or endoscopic "
               "improvement"),
             c("Maintenance dose does not exceed 360 mg every 8 weeks"))
    condition("D", "Ulcerative colitis", uc, "Induction: 3 months (3 intravenous doses); "
              "maintenance: 6 months", uc_c, "12 months", ["UC"], ["K51.00-K51.919"])

    d.heading("CONTRAINDICATIONS / EXCLUSIONS / DISCONTINUATION", 10.5)
    d.para("All other uses of risankizumab are considered experimental/investigational and "
           "therefore will follow the plan's off-label policy. Coverage will not be authorized "
           "for:", size=9.5)
    excl = ["Use in combination with another biologic or a targeted synthetic drug",
            "Hidradenitis suppurativa",
            "Active serious infection, including active tuberculosis",
            "Continued use after liver injury attributed to risankizumab"]
    d.items([Item(0, f"{k + 1}.", t) for k, t in enumerate(excl)], base=3)

    d.heading("DOSAGE AND ADMINISTRATION", 10.5)
    d.table_head([45, d.width - 90, 45], ["Indication", "Dose", "Maximum"])
    d.row(["Plaque psoriasis, PsA", "150 mg SC at week 0 and week 4, then every 12 weeks",
           "150 mg / 12 weeks"])
    d.row(["Crohn's disease", "600 mg IV weeks 0, 4, 8; then 180 or 360 mg SC every 8 weeks",
           "360 mg / 8 weeks"])
    d.row(["Ulcerative colitis", "1,200 mg IV weeks 0, 4, 8; then 180 or 360 mg SC every 8 "
           "weeks", "360 mg / 8 weeks"])
    d.end_table()
    d.heading("PLACE OF ADMINISTRATION", 10.5)
    d.para("Subcutaneous doses are self-administered at home after training. Intravenous "
           "induction is given in a non-hospital infusion center or physician office unless a "
           "hospital outpatient setting is medically necessary.", size=9.5)
    d.heading("REFERENCES", 10.5)
    d.items([Item(0, f"{k + 1}.", r) for k, r in enumerate([
        "Skyrizi (risankizumab-rzaa) prescribing information. Revised 2025.",
        "Lindqvist M, et al. IL-23 p19 blockade for moderate to severe Crohn's disease: "
        "induction and maintenance outcomes. Gastro Rev. 2023;31:410-428.",
        "Ahmadi S, Brennan T. Treat-to-target in psoriatic arthritis: a practical review. "
        "Rheum Pract. 2024;12:17-30."])], base=3)
    d.heading("REVISION HISTORY", 10.5)
    d.table_head([30, d.width - 30], ["Date", "Summary"])
    d.row(["04/2026", "Ulcerative colitis added. Crohn's disease: liver tests before induction."])
    d.row(["10/2022", "Policy created."])
    d.end_table()
    return d, inds, excl


# =========================================================================================
# 3. Premera / Blue Shield-style medical policy: ravulizumab. Per indication a two-column
#    ruled table, "Criteria | Approval duration", one row for the initial request and one for
#    reauthorization; logic only in lead-ins (ALL / ONE / BOTH).
# =========================================================================================

PREMERA = Style(markers=[numbers, lambda i: f"({chr(97 + i)})",
                         lambda i: f"({['i', 'ii', 'iii', 'iv'][i]})"])


def premera_ravulizumab() -> tuple[Doc, list[Ind], list[str]]:
    plan = "Cascadia Crest Blue Shield"

    def header(d: Doc) -> None:
        d.set_font("helvetica", "B", 9)
        d.set_xy(d.l_margin, 9)
        d.cell(0, 4, "MEDICAL POLICY - 5.01.657", align="L")
        d.set_font("helvetica", "", 8.5)
        d.set_xy(d.l_margin, 9)
        d.cell(0, 4, "Complement Inhibitors: Ravulizumab", align="R")
        d.set_y(18)

    def footer(d: Doc) -> None:
        d.set_y(-16)
        rule(d, d.get_y(), 110)
        d.set_font("helvetica", "", 7.5)
        d.set_xy(d.l_margin, d.get_y() + 1)
        d.cell(0, 3.5, f"Page | {d.page_no()} of {{nb}}", align="R", new_x="LMARGIN",
               new_y="NEXT")
        d.cell(0, 3.5, f"An independent licensee of a national association of plans. (c) 2026 "
               f"{plan}.", align="L")

    d = Doc(header, footer)
    d.add_page()
    d.set_font("helvetica", "B", 16)
    d.cell(0, 8, "Complement Inhibitors: Ravulizumab", new_x="LMARGIN", new_y="NEXT")
    keyvals(d, [("Effective Date:", "Jun. 1, 2026"), ("Last Revised:", "Apr. 14, 2026"),
                ("Replaces:", "5.01.612 (ravulizumab section)")], key_w=30)
    d.ln(1)
    d.set_fill_color(232)
    d.set_font("helvetica", "B", 10)
    d.cell(0, 6, "  RELATED MEDICAL POLICIES:", fill=True, new_x="LMARGIN", new_y="NEXT")
    d.set_font("helvetica", "", 9)
    for t in ["5.01.560  Eculizumab", "5.01.601  Efgartigimod and other FcRn blockers",
              "5.01.605  Site of service for infused drugs"]:
        d.cell(0, 4.6, "     " + t, new_x="LMARGIN", new_y="NEXT")
    d.heading("Introduction", 11)
    d.para("Ravulizumab (Ultomiris®) is a long-acting antibody that blocks complement protein "
           "C5. It is given by intravenous infusion every 8 weeks after a loading dose. Because "
           "blocking C5 raises the risk of serious meningococcal infection, the drug is "
           "available only through a risk evaluation and mitigation program.")
    d.para("Note: The introduction explains this policy in plain words; the criteria in the "
           "tables below are what a reviewer applies.", style="I", size=9)
    d.heading("Policy Coverage Criteria", 12)
    d.para("Each condition below has its own table. The left column states the criteria; the "
           "right column gives the length of the approval when they are met. Site of service "
           "is reviewed separately.", size=9.5)

    inds: list[Ind] = []
    w = d.width

    def table(name: str, init: Crit, init_len: str, reauth: Crit | None, reauth_len: str,
              aliases: list[str], icd: list[str]) -> None:
        d.heading(name, 11, space=3)
        d.table_head([w - 42, 42], ["Criteria", "Approval duration"])
        d.row([[Item(0, "", "Initial authorization", "B"), Item(0, "", init.text)]
               + PREMERA.items(init), init_len])
        if reauth is not None:
            d.row([[Item(0, "", "Reauthorization", "B"), Item(0, "", reauth.text)]
                   + PREMERA.items(reauth), reauth_len])
        d.end_table()
        inds.append(Ind(name, f"{name} Criteria Approval duration Initial authorization",
                        aliases, icd, init, reauth, "Reauthorization" if reauth else ""))

    mening = c("Patient has received meningococcal vaccines (serogroups A, C, W, Y and B) at "
               "least 2 weeks before the first dose, or will take antibiotic prophylaxis until 2 "
               "weeks after vaccination")
    no_c5 = c("Ravulizumab will not be used together with another complement inhibitor (such as "
              "eculizumab, pegcetacoplan or iptacopan)")

    pnh = g("all_of", "Ultomiris may be considered medically necessary for PNH when ALL of the "
            "following are met:",
            c("Diagnosis of paroxysmal nocturnal hemoglobinuria confirmed by high-sensitivity "
              "flow cytometry, with a GPI-deficient clone in at least two blood cell lines"),
            c("Patient is 1 month of age or older"),
            g("any_of", "Disease is clinically significant, shown by ONE of the following:",
              c("Lactate dehydrogenase (LDH) at least 1.5 times the upper limit of normal"),
              c("One or more red blood cell transfusions in the past 12 months"),
              c("A thrombotic event attributed to PNH"),
              c("Disabling fatigue, abdominal pain, dysphagia or other PNH symptoms recorded "
                "by the treating physician")),
            mening,
            c("Prescribed by or in consultation with a hematologist"),
            no_c5)
    pnh_r = g("all_of", "Continued treatment is medically necessary when BOTH of the following "
              "are met:",
              g("any_of", "Response to treatment, shown by ONE of the following:",
                c("LDH lower than before treatment, or stable in the normal range"),
                c("Fewer red blood cell transfusions than in the 12 months before treatment"),
                c("Hemoglobin stable or higher than before treatment")),
              c("Meningococcal vaccination is kept up to date as recommended"))
    table("Paroxysmal nocturnal hemoglobinuria (PNH)", pnh, "6 months", pnh_r, "12 months",
          ["PNH"], ["D59.5"])

    ahus = g("all_of", "Ultomiris may be considered medically necessary for aHUS when ALL of the "
             "following are met:",
             g("all_of", "Thrombotic microangiopathy, shown by ALL of the following:",
               c("Platelet count below 150,000 per microliter"),
               c("Hemolysis, such as schistocytes on the blood smear, a raised LDH or a low "
                 "haptoglobin"),
               c("Acute kidney injury or other organ damage")),
             c("ADAMTS13 activity of 10% or more (thrombotic thrombocytopenic purpura excluded)"),
             c("Stool testing negative for Shiga toxin-producing Escherichia coli"),
             mening,
             c("Prescribed by or in consultation with a hematologist or nephrologist"),
             no_c5)
    ahus_r = g("all_of", "Continued treatment is medically necessary when BOTH of the following "
               "are met:",
               c("Platelet count and LDH have returned to or toward the normal range"),
               c("Kidney function is stable or better than at the start of treatment"))
    table("Atypical hemolytic uremic syndrome (aHUS)", ahus, "6 months", ahus_r, "12 months",
          ["aHUS"], ["D59.31", "D59.32", "D59.39"])

    gmg = g("all_of", "Ultomiris may be considered medically necessary for gMG when ALL of the "
            "following are met:",
            c("Patient is 18 years of age or older"),
            c("Diagnosis of generalized myasthenia gravis, Myasthenia Gravis Foundation of "
              "America (MGFA) class II to IV"),
            c("Positive serologic test for anti-acetylcholine receptor (AChR) antibodies"),
            c("Myasthenia Gravis Activities of Daily Living (MG-ADL) total score of 6 or more"),
            g("any_of", "Treatment history shows ONE of the following:",
              g("all_of", "Inadequate response after 12 months or more of BOTH of the "
                "following:",
                c("A corticosteroid"),
                c("At least one nonsteroidal immunosuppressant, such as azathioprine, "
                  "mycophenolate or tacrolimus")),
              c("Plasma exchange or intravenous immune globulin needed at least every 3 months "
                "over the past 12 months to control symptoms"),
              c("Intolerance of, or contraindication to, corticosteroids and nonsteroidal "
                "immunosuppressants")),
            c("Prescribed by or in consultation with a neurologist"),
            mening,
            c("Not used together with another complement inhibitor or a neonatal Fc receptor "
              "blocker (such as efgartigimod or rozanolixizumab)"))
    gmg_r = g("all_of", "Continued treatment is medically necessary when BOTH of the following "
              "are met:",
              c("MG-ADL total score improved by at least 2 points from baseline"),
              c("Not used together with another complement inhibitor or a neonatal Fc receptor "
                "blocker"))
    table("Generalized myasthenia gravis (gMG)", gmg, "6 months", gmg_r, "12 months",
          ["gMG", "myasthenia gravis"], ["G70.00", "G70.01"])

    nmo = g("all_of", "Ultomiris may be considered medically necessary for NMOSD when ALL of the "
            "following are met:",
            c("Patient is 18 years of age or older"),
            c("Diagnosis of neuromyelitis optica spectrum disorder with a positive "
              "anti-aquaporin-4 (AQP4) antibody test"),
            g("any_of", "Disease activity shown by ONE of the following:",
              c("At least one relapse in the past 12 months"),
              c("At least two relapses in the past 24 months")),
            c("Prescribed by or in consultation with a neurologist"),
            mening,
            c("Not used together with rituximab, inebilizumab, satralizumab or another "
              "complement inhibitor"))
    nmo_r = g("all_of", "Continued treatment is medically necessary when:",
              c("The treating neurologist documents fewer relapses, or no relapse, since "
                "ravulizumab was started"))
    table("Neuromyelitis optica spectrum disorder (NMOSD)", nmo, "12 months", nmo_r,
          "12 months", ["NMOSD", "neuromyelitis optica"], ["G36.0"])

    d.heading("Investigational uses", 11)
    d.para("All other uses of ravulizumab are considered investigational, including but not "
           "limited to:")
    excl = ["Shiga toxin-producing Escherichia coli hemolytic uremic syndrome (STEC-HUS)",
            "Generalized myasthenia gravis without anti-AChR antibodies",
            "Use together with eculizumab or another complement inhibitor",
            "Geographic atrophy and other eye conditions"]
    d.items([Item(0, "•", t) for t in excl])
    d.heading("Dosing Limits", 11)
    d.table_head([60, 45, w - 105], ["Body weight", "Loading dose", "Maintenance (every 8 "
                                     "weeks)"])
    for wt, load, maint in [("40 kg to less than 60 kg", "2,400 mg", "3,000 mg"),
                            ("60 kg to less than 100 kg", "2,700 mg", "3,300 mg"),
                            ("100 kg or more", "3,000 mg", "3,600 mg")]:
        d.row([wt, load, maint])
    d.end_table()
    d.heading("Evidence Review", 11)
    d.para(BACKGROUND, size=9)
    d.heading("Coding", 11)
    d.table_head([30, w - 30], ["Code", "Description"])
    d.row(["J1303", "Injection, ravulizumab-cwvz, 10 mg"])
    d.end_table()
    d.heading("History", 11)
    d.table_head([35, w - 35], ["Date", "Comments"])
    d.row(["06/01/2026", "NMOSD table added; gMG treatment history reworded."])
    d.row(["01/01/2025", "New policy, split from 5.01.612."])
    d.end_table()
    return d, inds, excl

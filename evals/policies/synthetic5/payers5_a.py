"""Fifth synthetic batch, part A: a CVS Caremark-style specialty guideline ("Criteria for
Initial Approval" paragraphs "Authorization of N may be granted for members ... when all of the
following criteria are met:" over bullets, a separate "Required Documentation" section),
ustekinumab; a Magellan-style prior authorization form with checkbox glyphs ("[ ]") and
"Patient must meet ALL of the following", semaglutide; a Providence / Blue Shield-style
"Policy Statement" with decimal-numbered clauses (1.1, 1.1.1, 1.1.1.1), hereditary angioedema
agents. Our own words, fictional plans; drawn with the first batch's layout engine
(`../synthetic/render.py`) plus small local helpers."""

from __future__ import annotations

from render import LINE, Crit, Doc, Ind, Item, c, g

BULLETS = ["\u2022", "o", "-"]  # bullet, hollow o, dash, as specialty guidelines print them
UNDER_PARA = ["", "\u2022", "o", "-"]  # the same, one level in (under a numbered paragraph)


def rule(d: Doc, y: float, shade: int = 150, width: float = 0.2) -> None:
    d.set_draw_color(shade)
    d.set_line_width(width)
    d.line(d.l_margin, y, d.w - d.r_margin, y)
    d.set_line_width(0.2)
    d.set_draw_color(0)


def marked(group: Crit, markers: list[str], level: int = 0) -> list[Item]:
    """A group's children with one fixed marker per level; a sub-list's lead-in is an item."""
    out: list[Item] = []
    for kid in group.kids:
        out.append(Item(level, markers[min(level, len(markers) - 1)], kid.text))
        if kid.is_group:
            out.extend(marked(kid, markers, level + 1))
    return out


# =========================================================================================
# 1. CVS Caremark-style specialty guideline: ustekinumab. Sections I to VI; under "Criteria
#    for Initial Approval" each condition is a lettered heading followed by numbered
#    paragraphs, each a separate way to qualify ("Authorization of 16 weeks may be granted
#    for ..."), one of them a bare sentence (a leaf), one introducing bullets; the bullets
#    nest "o" sub-bullets. "Continuation of Therapy" paragraphs the same way.
# =========================================================================================


def caremark_ustekinumab() -> tuple[Doc, list[Ind], list[str]]:
    plan = "Meridian Specialty Pharmacy Services"

    def header(d: Doc) -> None:
        d.set_font("helvetica", "B", 10)
        d.set_text_color(204, 0, 0)
        d.set_xy(d.l_margin, 8)
        d.cell(0, 5, "SPECIALTY GUIDELINE MANAGEMENT", align="L")
        d.set_text_color(0)
        d.set_font("helvetica", "", 8.5)
        d.set_xy(d.l_margin, 8.5)
        d.cell(0, 4, "USTEKINUMAB PRODUCTS (intravenous and subcutaneous)", align="R")
        d.set_xy(d.l_margin, 13)
        d.cell(0, 4, "Reference number(s): 5120-A", align="R")
        rule(d, 18, 120)
        d.set_y(22)

    def footer(d: Doc) -> None:
        d.set_y(-14)
        d.set_font("helvetica", "", 7.5)
        d.set_text_color(90)
        d.cell(0, 3.5, f"Ustekinumab SGM 5120-A  P2026.1   (c) 2026 {plan}. All rights "
               "reserved.", align="L")
        d.set_xy(d.l_margin, d.get_y())
        d.cell(0, 3.5, f"Page {d.page_no()} of {{nb}}", align="R")

    d = Doc(header, footer)
    d.add_page()
    d.set_font("helvetica", "B", 10)
    d.cell(0, 5, "POLICY", new_x="LMARGIN", new_y="NEXT")
    d.heading("I. INDICATIONS", 10, space=1)
    d.para("The indications below, including FDA-approved indications and compendial uses, "
           "are considered a covered benefit provided that all the approval criteria are met "
           "and the member has no exclusions to the prescribed therapy.")
    d.para("FDA-approved indications", style="B")
    for k, t in enumerate(["Moderately to severely active Crohn's disease in adults",
                           "Moderately to severely active ulcerative colitis in adults",
                           "Moderate to severe plaque psoriasis and active psoriatic arthritis "
                           "(reviewed under a separate specialty guideline)"]):
        d.items([Item(0, f"{k + 1}.", t)], base=3, gap=0)
    d.para("All other indications are considered experimental or investigational and are not a "
           "covered benefit.", size=9.5)

    d.heading("II. REQUIRED DOCUMENTATION", 10)
    d.para("Submission of the following information is necessary to initiate the prior "
           "authorization review:")
    d.items(marked(g("all_of", "",
                     c("Chart notes or a medical record showing the disease severity and the "
                       "conventional therapies tried, with dates, doses and response"),
                     c("For ulcerative colitis, the endoscopy report or Mayo score used to "
                       "grade the disease"),
                     c("Results of the latest tuberculosis test (tuberculin skin test or "
                       "interferon-gamma release assay)"),
                     c("For continuation, chart notes showing the response since therapy "
                       "began")), BULLETS), base=3, gap=0.3)

    d.heading("III. CRITERIA FOR INITIAL APPROVAL", 10)
    inds: list[Ind] = []

    # --- A. Crohn's disease: two ways to qualify (a bare paragraph, and one over bullets) ---
    cd_prior = c("Authorization of 16 weeks may be granted for adult members who have "
                 "previously received a biologic or targeted synthetic drug (for example an "
                 "integrin blocker, a TNF inhibitor or a JAK inhibitor) indicated for "
                 "moderately to severely active Crohn's disease.")
    cd_new = g("all_of", "Authorization of 16 weeks may be granted for adult members with "
               "moderately to severely active Crohn's disease when all of the following "
               "criteria are met:",
               g("any_of", "The member meets any of the following:",
                 c("Fistulizing or perianal disease is present"),
                 c("The member has had an inadequate response to at least one conventional "
                   "therapy, such as prednisone, budesonide, azathioprine, mercaptopurine or "
                   "methotrexate"),
                 c("The member has an intolerance or contraindication to all of the "
                   "conventional therapies named above"),
                 c("The member had an ileocolonic resection and the drug is used to prevent "
                   "postoperative recurrence")),
               c("The member has been tested for latent tuberculosis within the past 12 "
                 "months, and latent infection, if found, is being treated"),
               c("The requested drug is prescribed by or in consultation with a "
                 "gastroenterologist"),
               c("The member will not receive the requested drug together with another "
                 "biologic or targeted synthetic drug"))
    cd = g("any_of", "", cd_prior, cd_new)
    d.heading("A. Crohn's disease", 10, space=1.5)
    d.items([Item(0, "1.", cd_prior.text)], gap=0.5)
    d.items([Item(0, "2.", cd_new.text)], gap=0.5)
    d.items(marked(cd_new, UNDER_PARA, 1), base=1, gap=0.4)

    uc_prior = c("Authorization of 16 weeks may be granted for members 18 years of age or "
                 "older who have previously received a biologic or targeted synthetic drug "
                 "indicated for moderately to severely active ulcerative colitis.")
    uc_new = g("all_of", "Authorization of 16 weeks may be granted for adult members with "
               "moderately to severely active ulcerative colitis when all of the following "
               "criteria are met:",
               c("The disease is graded moderate to severe by a total Mayo score of 6 to 12 "
                 "with an endoscopic subscore of 2 or 3"),
               g("any_of", "The member meets either of the following:",
                 c("The member has had an inadequate response to at least one conventional "
                   "therapy, such as:"),
                 c("The member is corticosteroid dependent, meaning the dose could not be "
                   "tapered below prednisone 10 mg a day within 3 months without a flare")),
               c("The member has been tested for latent tuberculosis within the past 12 "
                 "months, and latent infection, if found, is being treated"),
               c("The requested drug is prescribed by or in consultation with a "
                 "gastroenterologist"),
               c("The member will not receive the requested drug together with another "
                 "biologic or targeted synthetic drug"))
    # the conventional-therapy bullet has its own examples as sub-bullets, which are
    # examples of one criterion, not alternatives the gold counts: printed after its bullet
    uc = g("any_of", "", uc_prior, uc_new)
    d.heading("B. Ulcerative colitis", 10, space=1.5)
    d.items([Item(0, "1.", uc_prior.text)], gap=0.5)
    d.items([Item(0, "2.", uc_new.text)], gap=0.5)
    uc_items = marked(uc_new, UNDER_PARA, 1)
    at = next(k for k, it in enumerate(uc_items) if it.text.endswith("such as:"))
    uc_items[at + 1:at + 1] = [
        Item(3, "-", "Oral or rectal mesalamine or another aminosalicylate at full dose for "
             "at least 8 weeks"),
        Item(3, "-", "Prednisone or budesonide MMX"),
        Item(3, "-", "Azathioprine or mercaptopurine for at least 3 months")]
    d.items(uc_items, base=1, gap=0.4)

    d.heading("IV. CONTINUATION OF THERAPY", 10)
    cd_c = g("all_of", "Authorization of 12 months may be granted for all adult members "
             "(including new members) who are using the requested drug for moderately to "
             "severely active Crohn's disease when all of the following criteria are met:",
             g("any_of", "The member has achieved or maintained a positive clinical response, "
               "shown by improvement in any of the following from baseline:",
               c("Abdominal pain or tenderness"),
               c("Diarrhea or the number of stools a day"),
               c("Body weight or nutritional status"),
               c("Fistula drainage or closure"),
               c("Endoscopic or imaging findings, or C-reactive protein or fecal "
                 "calprotectin")),
             c("The member has not had a serious infection or malignancy that the prescriber "
               "judges makes continued use unsafe"),
             c("The member will not receive the requested drug together with another "
               "biologic or targeted synthetic drug"))
    uc_c = g("all_of", "Authorization of 12 months may be granted for all adult members "
             "(including new members) who are using the requested drug for moderately to "
             "severely active ulcerative colitis when all of the following criteria are met:",
             g("any_of", "The member has achieved or maintained a positive clinical response, "
               "shown by improvement in any of the following from baseline:",
               c("Stool frequency or rectal bleeding"),
               c("Endoscopic appearance of the mucosa"),
               c("Need for corticosteroids, which have been tapered or stopped"),
               c("Fecal calprotectin or C-reactive protein")),
             c("The member will not receive the requested drug together with another "
               "biologic or targeted synthetic drug"))
    d.heading("A. Crohn's disease", 10, space=1.5)
    d.para(cd_c.text)
    d.items(marked(cd_c, BULLETS), base=6.5, gap=0.4)
    d.heading("B. Ulcerative colitis", 10, space=1.5)
    d.para(uc_c.text)
    d.items(marked(uc_c, BULLETS), base=6.5, gap=0.4)

    inds.append(Ind("Crohn's disease", "III. CRITERIA FOR INITIAL APPROVAL A. Crohn's disease",
                    ["CD", "moderately to severely active Crohn's disease"], [], cd, cd_c,
                    "IV. CONTINUATION OF THERAPY A. Crohn's disease"))
    inds.append(Ind("Ulcerative colitis", "B. Ulcerative colitis 1. Authorization",
                    ["UC", "moderately to severely active ulcerative colitis"], [], uc, uc_c,
                    "B. Ulcerative colitis Authorization of 12 months"))

    d.heading("V. EXCLUSIONS", 10)
    d.para("Coverage will not be provided for members with any of the following:")
    excl = ["Use in combination with another biologic or targeted synthetic drug for the same "
            "or a different inflammatory condition",
            "Active serious infection, including active tuberculosis, until it is treated",
            "Known clinically significant hypersensitivity to ustekinumab or any excipient",
            "Doses above those in section VI without a documented loss of response"]
    d.items([Item(0, "\u2022", t) for t in excl], base=3, gap=0.3)

    d.heading("VI. DOSAGE AND ADMINISTRATION", 10)
    d.table_head([46, d.width - 46], ["Phase", "Dose"])
    d.row(["Induction", "One weight-based intravenous dose: 260 mg (55 kg or less), 390 mg "
           "(over 55 kg to 85 kg), 520 mg (over 85 kg)"])
    d.row(["Maintenance", "90 mg subcutaneously 8 weeks after induction, then every 8 weeks"])
    d.end_table()
    d.heading("VII. REFERENCES", 10)
    d.items([Item(0, f"{k + 1}.", r) for k, r in enumerate([
        "Ustekinumab injection prescribing information. Revised 2025.",
        "Lindqvist A, Moreau T. Interleukin-12/23 blockade after TNF failure in Crohn's "
        "disease. Gut Ther. 2022;14:301-315.",
        "Ohanian R, et al. Treat-to-target endpoints in ulcerative colitis. Inflamm Bowel "
        "Rep. 2024;6:44-58."])])
    return d, inds, excl


# =========================================================================================
# 2. Magellan-style prior authorization request form: semaglutide. Member and prescriber
#    fields, then per indication "Section" bands; "Patient must meet ALL of the following:"
#    over checkbox items "[ ]"; sub-lists are checkbox items of their own ("[ ] Patient has
#    tried at least TWO of the following (check all that apply):").
# =========================================================================================

BOX = "[ ]"


def magellan_semaglutide() -> tuple[Doc, list[Ind], list[str]]:
    plan = "Summit Valley Rx Management"

    def header(d: Doc) -> None:
        d.set_fill_color(35, 60, 110)
        d.rect(0, 0, d.w, 15, style="F")
        d.set_text_color(255)
        d.set_font("helvetica", "B", 11)
        d.set_xy(d.l_margin, 4)
        d.cell(0, 5, plan, align="L")
        d.set_font("helvetica", "", 8.5)
        d.set_xy(d.l_margin, 4.5)
        d.cell(0, 4, "Pharmacy Prior Authorization Request", align="R")
        d.set_text_color(0)
        d.set_y(21)

    def footer(d: Doc) -> None:
        d.set_y(-15)
        d.set_font("helvetica", "", 7.5)
        d.cell(0, 3.5, "Fax completed form to 1-800-555-0148. Incomplete forms will be "
               "returned.", align="L")
        d.set_xy(d.l_margin, d.get_y())
        d.cell(0, 3.5, f"Form SV-GLP1 rev. 01/2026 | Page {d.page_no()} of {{nb}}", align="R")

    def band(text: str) -> None:
        d.ln(1.5)
        if d.get_y() > d.h - 60:
            d.add_page()
        d.set_fill_color(225, 230, 240)
        d.set_font("helvetica", "B", 10)
        d.cell(0, 6, text, fill=True, new_x="LMARGIN", new_y="NEXT")
        d.ln(1)
        d.set_font("helvetica", size=10)

    def fields(rows: list[tuple[str, str]]) -> None:
        d.set_font("helvetica", "", 9)
        for left, right in rows:
            d.cell(d.width / 2, 6, f"{left} ______________________", border="B")
            d.cell(d.width / 2, 6, f"{right} ______________________", border="B",
                   new_x="LMARGIN", new_y="NEXT")
        d.ln(1)

    def criteria(title: str, root: Crit) -> None:
        d.set_font("helvetica", "B", 10)
        d.cell(0, 5, title, new_x="LMARGIN", new_y="NEXT")
        d.para(root.text, style="B")
        d.items(marked(root, [BOX]), base=3, gap=0.5)

    d = Doc(header, footer)
    d.add_page()
    d.set_font("helvetica", "B", 13)
    d.cell(0, 7, "Semaglutide (Ozempic, Wegovy) Prior Authorization Criteria and Request Form",
           new_x="LMARGIN", new_y="NEXT")
    d.para("Complete every field. Check each box that applies and attach chart notes, "
           "laboratory results and pharmacy records that support each checked item. Requests "
           "are reviewed against the criteria printed on this form.", size=9)
    band("MEMBER AND PRESCRIBER INFORMATION")
    fields([("Member name:", "Member ID:"), ("Date of birth:", "Weight (kg) / date:"),
            ("Prescriber name:", "NPI:"), ("Office phone:", "Office fax:")])
    band("MEDICATION REQUESTED")
    d.para(f"{BOX} Ozempic (semaglutide) injection     {BOX} Wegovy (semaglutide) injection     "
           f"{BOX} Rybelsus (semaglutide) tablets", size=9.5)
    d.para(f"Request type:   {BOX} Initial request     {BOX} Renewal request", size=9.5)

    inds: list[Ind] = []
    t2d = g("all_of", "Patient must meet ALL of the following:",
            c("Patient is 18 years of age or older"),
            c("Patient has a diagnosis of type 2 diabetes mellitus, with an HbA1c of 6.5% or "
              "higher within the past 6 months attached"),
            g("any_of", "Patient meets ONE of the following (check one):",
              c("Patient has taken metformin at 1,500 mg a day or the highest tolerated dose "
                "for at least 90 days"),
              c("Patient has a documented intolerance or contraindication to metformin, such "
                "as an eGFR below 30 mL/min/1.73 m2"),
              c("Patient has established atherosclerotic cardiovascular disease or chronic "
                "kidney disease")),
            c("Semaglutide is not requested for weight loss alone"),
            c("Patient will not use semaglutide with another GLP-1 receptor agonist or with "
              "tirzepatide"),
            c("Patient has no personal or family history of medullary thyroid carcinoma and "
              "no multiple endocrine neoplasia syndrome type 2"))
    t2d_r = g("all_of", "Patient must meet ALL of the following:",
              c("Patient has been taking semaglutide for type 2 diabetes for at least 6 months"),
              c("Patient's HbA1c has decreased from baseline or is at the goal set by the "
                "prescriber"),
              c("Patient will not use semaglutide with another GLP-1 receptor agonist or with "
                "tirzepatide"))
    band("SECTION A: TYPE 2 DIABETES MELLITUS (Ozempic, Rybelsus)")
    criteria("Initial request (approval: 12 months)", t2d)
    criteria("Renewal request (approval: 12 months)", t2d_r)
    inds.append(Ind("Type 2 diabetes mellitus",
                    "SECTION A: TYPE 2 DIABETES MELLITUS", ["T2DM", "type 2 diabetes"],
                    ["E11.9", "E11.65"], t2d, t2d_r, "Renewal request (approval: 12 months)"))

    wm = g("all_of", "Patient must meet ALL of the following:",
           c("Patient is 12 years of age or older"),
           g("any_of", "Patient meets ONE of the following weight criteria at baseline (check "
             "one):",
             c("Adults: body mass index (BMI) of 30 kg/m2 or higher"),
             c("Adults: BMI of 27 kg/m2 or higher with at least one weight-related condition, "
               "such as hypertension, dyslipidemia, type 2 diabetes or obstructive sleep "
               "apnea"),
             c("Patients 12 to 17 years: BMI at or above the 95th percentile for age and sex")),
           g("all_of", "Patient has taken part in BOTH of the following for at least 6 months "
             "before this request:",
             c("A reduced-calorie diet supervised or documented by a clinician or dietitian"),
             c("Increased physical activity recorded in the chart notes")),
           c("Semaglutide will be used together with the diet and activity program"),
           c("Patient will not use semaglutide with another GLP-1 receptor agonist, "
             "tirzepatide or another weight-loss drug"),
           c("Patient is not pregnant and is not planning a pregnancy"))
    wm_r = g("all_of", "Patient must meet ALL of the following:",
             c("Patient has reached and is tolerating the maintenance dose of 1.7 mg or 2.4 mg "
               "once weekly"),
             g("any_of", "Patient shows ONE of the following results (check one):",
               c("Adults: weight loss of at least 5% of baseline body weight after 16 weeks or "
                 "more at the maintenance dose"),
               c("Patients 12 to 17 years: a decrease of at least 5% in BMI from baseline")),
             c("Patient continues the reduced-calorie diet and increased physical activity"))
    band("SECTION B: CHRONIC WEIGHT MANAGEMENT (Wegovy)")
    criteria("Initial request (approval: 7 months)", wm)
    criteria("Renewal request (approval: 12 months)", wm_r)
    inds.append(Ind("Chronic weight management", "SECTION B: CHRONIC WEIGHT MANAGEMENT",
                    ["obesity", "weight management", "overweight"], ["E66.9", "Z68.30-Z68.45"],
                    wm, wm_r, "Renewal request (approval: 12 months)"))

    band("SECTION C: NOT APPROVED")
    d.para("Semaglutide will NOT be approved for any of the following:", style="B")
    excl = ["Type 1 diabetes mellitus or diabetic ketoacidosis",
            "Cosmetic weight loss, or a BMI below the thresholds in Section B",
            "Use together with another GLP-1 receptor agonist or tirzepatide",
            "Compounded semaglutide products of any kind"]
    d.items([Item(0, "\u2022", t) for t in excl], base=3, gap=0.3)
    band("PRESCRIBER ATTESTATION")
    d.para("I attest that the information on this form is accurate and is supported by the "
           "patient's medical record, which is available to the plan on request.", size=9)
    fields([("Prescriber signature:", "Date:")])
    return d, inds, excl


# =========================================================================================
# 3. Providence / Blue Shield-style medical policy: hereditary angioedema agents. A "Policy
#    Statement" of decimal-numbered clauses whose logic is stated by clause numbers ("when
#    all of the criteria in 1.1 through 1.5 are met", "one of 1.2.1 to 1.2.3"); four
#    levels (1.3.2.1); a continuation clause; "not medically necessary" clauses.
# =========================================================================================


def decimal_items(group: Crit, prefix: str, level: int = 0) -> list[Item]:
    out: list[Item] = []
    for k, kid in enumerate(group.kids):
        num = f"{prefix}.{k + 1}"
        out.append(Item(level, num, kid.text))
        if kid.is_group:
            out.extend(decimal_items(kid, num, level + 1))
    return out


def draw_decimal(d: Doc, items: list[Item]) -> None:
    """Clause numbers in a column wide enough for "1.3.2.1", text hanging after it."""
    for it in items:
        x = d.l_margin + 4 + it.level * 7
        mw = 8 + 2.2 * it.marker.count(".")
        if d.get_y() + LINE > d.page_break_trigger:
            d.add_page()
        y = d.get_y()
        d.set_font("helvetica", "B", 9.5)
        d.set_xy(x, y)
        d.cell(mw, LINE, it.marker)
        d.set_font("helvetica", "", 9.5)
        d.set_xy(x + mw, y)
        d.multi_cell(d.w - d.r_margin - x - mw, LINE, it.text, new_x="LMARGIN", new_y="NEXT")
        d.ln(0.7)
    d.ln(1)


def providence_hae() -> tuple[Doc, list[Ind], list[str]]:
    plan = "Cascade Northern Health Plan"

    def header(d: Doc) -> None:
        d.set_font("helvetica", "", 8)
        d.set_text_color(0, 90, 140)
        d.set_xy(d.l_margin, 8)
        d.cell(0, 4, f"{plan}  |  Medication Policy Manual", align="L")
        d.set_xy(d.l_margin, 8)
        d.cell(0, 4, "Policy No: dru812", align="R")
        d.set_text_color(0)
        d.set_xy(d.l_margin, 12.5)
        d.set_font("helvetica", "B", 9)
        d.cell(0, 4, "Topic: Hereditary Angioedema Agents", align="L")
        d.set_xy(d.l_margin, 12.5)
        d.set_font("helvetica", "", 8)
        d.cell(0, 4, "Date of Origin: June 2019   Last Review: December 2025", align="R")
        rule(d, 18, 0, 0.4)
        d.set_y(22)

    def footer(d: Doc) -> None:
        d.set_y(-13)
        d.set_font("helvetica", "", 7.5)
        d.cell(0, 3.5, "dru812.14  Hereditary Angioedema Agents", align="L")
        d.set_xy(d.l_margin, d.get_y())
        d.cell(0, 3.5, f"Page {d.page_no()} of {{nb}}", align="R")

    d = Doc(header, footer)
    d.add_page()
    d.heading("Description", 11, space=0)
    d.para("Hereditary angioedema (HAE) causes recurrent swelling of the skin, gut and airway "
           "from a deficiency or dysfunction of C1 esterase inhibitor (C1-INH). Lanadelumab "
           "(Takhzyro) is a plasma kallikrein inhibitor given every 2 to 4 weeks to prevent "
           "attacks. Icatibant (Firazyr and generics) is a bradykinin B2 receptor antagonist "
           "injected under the skin to treat an attack once it has begun.")
    d.para("Attacks vary widely in frequency and severity, even within one family, and the "
           "choice between long-term prophylaxis and on-demand treatment alone rests on the "
           "attack history, the sites involved and the member's preference. Every member with "
           "HAE should have on-demand treatment for at least two attacks at hand, whether or "
           "not prophylaxis is used. This policy does not address C1-INH concentrates, "
           "berotralstat or ecallantide, which have policies of their own.")
    d.heading("Policy Statement", 11)
    d.para("The clauses below are numbered so that criteria can be cited. A clause that lists "
           "sub-clauses states which of them must be met.", size=9.5, style="I")

    inds: list[Ind] = []
    dx = g("any_of", "The diagnosis of HAE type I or type II is confirmed by one of the "
           "criteria in 1.1.1 or 1.1.2:",
           g("all_of", "Laboratory testing on two occasions showing both of the following:",
             c("A C4 level below the lower limit of normal"),
             c("A C1-INH antigen level or C1-INH functional level below 50% of normal")),
           c("A pathogenic variant in the SERPING1 gene on genetic testing"))
    proph = g("all_of", "Lanadelumab (Takhzyro) may be considered medically necessary for "
              "long-term prophylaxis of HAE attacks when all of the criteria in 1.1 through "
              "1.5 are met:",
              dx,
              c("The member is 2 years of age or older"),
              g("any_of", "The member has a history of attacks meeting one of the criteria in "
                "1.3.1 or 1.3.2:",
                c("At least one moderate or severe attack a month, on average, over the past "
                  "3 months"),
                c("Any attack involving the airway, whatever the frequency")),
              c("Estrogen-containing drugs and ACE inhibitors, which can provoke attacks, have "
                "been stopped or judged not to be contributing"),
              c("Lanadelumab will not be used together with another long-term prophylactic "
                "agent such as berotralstat or C1-INH concentrate"))
    proph_c = g("all_of", "Continued use of lanadelumab may be considered medically necessary "
                "when both of the criteria in 2.1 and 2.2 are met:",
                c("The member was approved under clause 1 or met its criteria when therapy "
                  "began"),
                g("any_of", "The prescriber documents a benefit meeting one of the criteria in "
                  "2.2.1 or 2.2.2:",
                  c("The number of attacks a month has fallen by at least 50% compared with "
                    "the 3 months before therapy"),
                  c("The member has had no attack involving the airway and fewer attacks "
                    "that needed emergency care")))
    acute = g("all_of", "Icatibant may be considered medically necessary for the treatment of "
              "acute HAE attacks when all of the criteria in 3.1 through 3.4 are met:",
              c("The diagnosis of HAE type I or type II is confirmed as described in 1.1"),
              c("The member is 18 years of age or older"),
              c("The prescriber is an allergist, immunologist or another clinician "
                "experienced in treating HAE"),
              g("at_least", "At least two of the criteria in 3.4.1 through 3.4.3 are met:",
                c("The member has had at least one attack needing acute treatment in the past "
                  "6 months"),
                c("The member or a caregiver has been trained to give the injection at the "
                  "onset of an attack"),
                c("No more than 6 doses a month are requested, unless attack records support "
                  "more"), n=2))

    d.heading("Long-term prophylaxis", 10, space=1)
    d.items([Item(0, "1.", proph.text)], gap=0.5)
    draw_decimal(d, decimal_items(proph, "1"))
    d.para("Approval period: initial approval 6 months.", size=9.5, style="I")
    d.items([Item(0, "2.", proph_c.text)], gap=0.5)
    draw_decimal(d, decimal_items(proph_c, "2"))
    d.para("Approval period: 12 months.", size=9.5, style="I")
    inds.append(Ind("Hereditary angioedema, long-term prophylaxis", "Long-term prophylaxis 1. "
                    "Lanadelumab", ["HAE prophylaxis", "HAE type I", "HAE type II",
                                     "hereditary angioedema"], ["D84.1"], proph, proph_c,
                    "2. Continued use of lanadelumab"))
    d.heading("Treatment of acute attacks", 10, space=1)
    d.items([Item(0, "3.", acute.text)], gap=0.5)
    draw_decimal(d, decimal_items(acute, "3"))
    d.para("Approval period: 12 months.", size=9.5, style="I")
    inds.append(Ind("Hereditary angioedema, acute attacks", "Treatment of acute attacks 3. "
                    "Icatibant", ["acute HAE attack", "on-demand treatment"], ["D84.1"],
                    acute))

    d.heading("Not medically necessary", 10, space=1)
    d.items([Item(0, "4.", "Lanadelumab and icatibant are considered not medically necessary "
                  "when criteria 1 through 3 are not met, including but not limited to:")],
            gap=0.5)
    excl = ["Angioedema caused by ACE inhibitors or with hives (histaminergic angioedema)",
            "Acquired C1-INH deficiency",
            "HAE with normal C1-INH when no confirmatory genetic variant is documented",
            "Short-term prophylaxis before a procedure"]
    draw_decimal(d, [Item(0, f"4.{k + 1}", t) for k, t in enumerate(excl)])

    d.heading("Policy Guidelines", 11)
    d.heading("Documentation", 10, space=0.5)
    d.para("The record should include the C4 and C1-INH results with their reference ranges, an "
           "attack diary for the period the criteria name, and the drugs tried to prevent "
           "attacks. Attacks treated at home count when the diary gives the date, site and "
           "drug used.")
    d.heading("Dosing", 10, space=0.5)
    d.table_head([40, d.width - 40], ["Drug", "Usual dose"])
    d.row(["Lanadelumab", "300 mg every 2 weeks; every 4 weeks may be considered when the "
           "member has been attack-free for 6 months (ages 2 to 11: per label by age)"])
    d.row(["Icatibant", "30 mg subcutaneously; may repeat every 6 hours, no more than 3 "
           "doses in 24 hours"])
    d.end_table()
    d.heading("Coding", 10, space=0.5)
    d.para("D84.1 Defects in the complement system. Drugs on the pharmacy benefit have no "
           "HCPCS code in this policy.")
    d.heading("References", 11)
    d.items([Item(0, f"{k + 1}.", r) for k, r in enumerate([
        "Takhzyro (lanadelumab-flyo) prescribing information. Revised 2024.",
        "Firazyr (icatibant) prescribing information. Revised 2021.",
        "Ambrose K, Delacroix P. Attack frequency and prophylaxis choice in hereditary "
        "angioedema. Allergy Immunol Pract. 2023;11:502-514."])])
    return d, inds, excl

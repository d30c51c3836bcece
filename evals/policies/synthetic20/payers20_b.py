"""Twentieth synthetic batch, part B: a legal contract exhibit with numbered sections,
clauses "(a)" / "(i)", defined terms in quotes and capitals and cross-references between
sections (avacopan: ANCA-associated vasculitis, initial and continued authorization;
sarilumab: polymyalgia rheumatica); a
code-centric billing and coding guide whose HCPCS / NDC tables and covered ICD-10-CM lists
lead, with the criteria in "Limitations" and "Documentation requirements" bullets and the
renewal in a "Continued coverage" paragraph (leuprolide: central precocious puberty and
advanced prostate cancer). Our own words, fictional parties and plans."""

from __future__ import annotations

from payers20_a import _t
from render import Crit, Doc, Ind, c, g

# =========================================================================================
# 4. Contract exhibit: serif type, "EXHIBIT C", recitals of the agreement it belongs to,
#    numbered sections 1-6 with sub-sections 4.1, 4.2 and clauses (a) / (i), defined terms
#    in quotes ("Covered Person"), clauses that cite other sections ("the conditions of
#    Section 4.2(f) continue to be met"), a signature block.
# =========================================================================================

SERIF = "times"


def _clauses(d: Doc, root: Crit, indent: float = 10.0) -> None:
    kids = root.kids
    for k, kid in enumerate(kids):
        end = "; and" if k == len(kids) - 2 else ("." if k == len(kids) - 1 else ";")
        if kid.is_group:
            _t(d, f"({chr(97 + k)})  {kid.text}", "", 11, 5.2, indent, SERIF, 0.6)
            for j, alt in enumerate(kid.kids):
                alt_end = (
                    "; or" if j == len(kid.kids) - 2 else (end if j == len(kid.kids) - 1 else ";")
                )
                _t(
                    d,
                    f"({['i', 'ii', 'iii', 'iv'][j]})  {alt.text}{alt_end}",
                    "",
                    11,
                    5.2,
                    indent + 9,
                    SERIF,
                    0.6,
                )
        else:
            _t(d, f"({chr(97 + k)})  {kid.text}{end}", "", 11, 5.2, indent, SERIF, 0.6)
    d.ln(1)


def exhibit_avacopan() -> tuple[Doc, list[Ind], list[str]]:
    def header(d: Doc) -> None:
        d.set_font(SERIF, "I", 9)
        d.set_xy(d.l_margin, 10)
        d.cell(0, 4, "Pharmacy Benefit Services Agreement No. PBSA-2024-017")
        d.set_xy(d.l_margin, 10)
        d.cell(0, 4, "Exhibit C", align="R")
        d.set_y(20)

    def footer(d: Doc) -> None:
        d.set_y(-14)
        d.set_font(SERIF, "", 9)
        d.cell(0, 4, f"Confidential - Exhibit C - Page C-{d.page_no()} of C-{{nb}}", align="C")

    d = Doc(header, footer, margin=25)
    d.set_auto_page_break(True, margin=20)
    d.add_page()

    def heading(text: str) -> None:
        if d.get_y() > d.page_break_trigger - 30:
            d.add_page()
        _t(d, text, "B", 11, 5.4, 0, SERIF, 1.0)

    def body(text: str, indent: float = 0.0) -> None:
        _t(d, text, "", 11, 5.2, indent, SERIF, 1.4)

    d.set_font(SERIF, "B", 14)
    d.cell(0, 7, "EXHIBIT C", align="C", new_x="LMARGIN", new_y="NEXT")
    d.cell(0, 7, "SPECIALTY DRUG COVERAGE TERMS", align="C", new_x="LMARGIN", new_y="NEXT")
    d.ln(2)
    _t(
        d,
        "to the Pharmacy Benefit Services Agreement dated July 1, 2024, as amended (the "
        '"Agreement"), between Lakeshore Employers\' Health Trust (the "Trust") and Corvane '
        'Specialty Pharmacy Services, LLC (the "Administrator")',
        "I",
        11,
        5.2,
        8,
        SERIF,
        3,
    )
    heading("1.  Applicability")
    body(
        "1.1  This Exhibit C sets out the terms on which the Administrator shall authorize "
        "payment for the Specialty Drugs listed in Schedule C-1 under the Trust's self-funded "
        'group health plan (the "Plan").'
    )
    body(
        "1.2  If this Exhibit C and the Plan document conflict, the Plan document governs, "
        "except that Sections 4 through 6 govern as to avacopan and sarilumab."
    )
    heading("2.  Definitions")
    body(
        "Capitalized terms not defined in this Exhibit C have the meanings given in the "
        "Agreement. In this Exhibit C:"
    )
    for text in (
        '2.1  "Authorization Period" means the period, stated in months, during which the '
        "Administrator will pay claims for a Specialty Drug without a further request.",
        '2.2  "Covered Person" means a participant or beneficiary enrolled in the Plan.',
        '2.3  "Qualified Specialist" means a physician board-certified in rheumatology or '
        "nephrology, or a pulmonologist who treats vasculitis together with one of them.",
        '2.4  "Standard Induction Therapy" means rituximab, or cyclophosphamide given '
        "intravenously or by mouth, started within the four (4) weeks before avacopan or "
        "on the same day.",
        '2.5  "Remission" means a Birmingham Vasculitis Activity Score ("BVAS") of zero '
        "(0) recorded by the Qualified Specialist.",
        '2.6  "Liver Panel" means serum ALT, AST, alkaline phosphatase and total bilirubin.',
    ):
        body(text, 6)
    heading("3.  General Conditions")
    body(
        "3.1  Each Specialty Drug requires prior authorization. The Administrator shall "
        "decide a complete request within seventy-two (72) hours and shall dispense no more "
        "than a thirty (30) day supply at a time through a network specialty pharmacy."
    )
    body(
        "3.2  A request that does not show a condition of Section 4 or Section 5 is "
        "incomplete, and the Administrator shall ask the prescriber for the missing records "
        "before it denies the request."
    )
    body(
        '3.3  "Infection Screening" means a test for tuberculosis (interferon-gamma release '
        "assay or tuberculin skin test), with treatment of latent infection begun when the "
        "test is positive, and hepatitis B surface antigen and core antibody tests."
    )
    heading("4.  Avacopan (Tavneos)")
    body(
        "4.1  Scope. This Section 4 applies to avacopan 10 mg capsules used as an adjunct "
        "treatment of severe active anti-neutrophil cytoplasmic autoantibody (ANCA)-"
        "associated vasculitis."
    )
    init_anchor = "4.2  Initial Authorization."
    init_lead = (
        "The Administrator shall grant an initial Authorization Period of six (6) "
        "months to a Covered Person when each of the following conditions is met:"
    )
    init = g(
        "all_of",
        init_lead,
        c("the Covered Person is eighteen (18) years of age or older"),
        c(
            "the Covered Person has granulomatosis with polyangiitis (GPA) or microscopic "
            "polyangiitis (MPA) and a positive test for ANCA against proteinase 3 (PR3) or "
            "myeloperoxidase (MPO)"
        ),
        g(
            "any_of",
            "the disease is severe and active, as shown by one or more of the following:",
            c(
                "glomerulonephritis on kidney biopsy, or blood and protein in the urine with "
                "a rising serum creatinine"
            ),
            c("bleeding into the lungs (alveolar hemorrhage) or cavitating lung nodules"),
            c(
                "another organ-threatening manifestation, such as mononeuritis multiplex, "
                "scleritis or orbital disease"
            ),
        ),
        c("avacopan is prescribed in combination with Standard Induction Therapy"),
        c(
            "a Liver Panel and hepatitis B screening (surface antigen and core antibody) "
            "were completed within thirty (30) days before the first dose"
        ),
        c("the prescriber is a Qualified Specialist"),
        c("the dose does not exceed thirty (30) mg, three capsules, twice daily"),
    )
    body(f"{init_anchor} {init_lead}")
    _clauses(d, init)
    cont_anchor = "4.3  Continued Authorization."
    cont_lead = (
        "Upon expiry of the initial Authorization Period, the Administrator shall "
        "grant one further Authorization Period of six (6) months when each of the "
        "following conditions is met:"
    )
    cont = g(
        "all_of",
        cont_lead,
        g(
            "any_of",
            "one of the following applies:",
            c("the Covered Person is in Remission"),
            c(
                "the BVAS has fallen by at least fifty percent (50%) from its value when "
                "avacopan was started"
            ),
        ),
        c("the conditions of Section 4.2(f) continue to be met"),
        c(
            "a Liver Panel was obtained at least every four (4) weeks during the initial "
            "Authorization Period and no ALT or AST value exceeded three (3) times the "
            "upper limit of normal"
        ),
        c("the conditions of Section 4.2(g) continue to be met"),
    )
    body(f"{cont_anchor} {cont_lead}")
    _clauses(d, cont)
    body(
        "No Authorization Period under Section 4.3 shall extend avacopan beyond twelve (12) "
        "months in total; a later request is reviewed by the Administrator's medical director "
        "under Section 6.2 of the Agreement."
    )
    heading("5.  Sarilumab (Kevzara)")
    body(
        "5.1  Scope. This Section 5 applies to sarilumab 200 mg prefilled pens and syringes "
        "used for polymyalgia rheumatica. Sarilumab for rheumatoid arthritis remains under "
        "the Plan document."
    )
    pmr_anchor = "5.2  Authorization for Polymyalgia Rheumatica."
    pmr_lead = (
        "The Administrator shall grant an Authorization Period of twelve (12) months to "
        "a Covered Person with polymyalgia rheumatica when each of the following "
        "conditions is met:"
    )
    pmr = g(
        "all_of",
        pmr_lead,
        c(
            "the Covered Person was fifty (50) years of age or older when the polymyalgia "
            "rheumatica began"
        ),
        c("the diagnosis was made or confirmed by a Qualified Specialist in rheumatology"),
        g(
            "any_of",
            "corticosteroids have not been enough, as shown by one of the following:",
            c(
                "a flare of shoulder or hip girdle pain and stiffness while prednisone was "
                "being tapered"
            ),
            c(
                "prednisone could not be tapered because of harm from it, such as "
                "uncontrolled diabetes, a fragility fracture or glaucoma"
            ),
        ),
        c(
            "the Infection Screening under Section 3.3 was completed within six (6) months "
            "before the first dose"
        ),
        c(
            "within thirty (30) days before the first dose the neutrophil count was at least "
            "2,000 per mm3, the platelet count at least 150,000 per mm3 and ALT and AST no "
            "more than 1.5 times the upper limit of normal"
        ),
        c(
            "the dose is 200 mg under the skin every two (2) weeks, given with a tapering "
            "course of prednisone"
        ),
    )
    body(f"{pmr_anchor} {pmr_lead}")
    _clauses(d, pmr)
    heading("6.  Exclusions")
    body(
        "Notwithstanding Sections 4 and 5, the following are not covered, and the "
        "Administrator shall deny the request, where:"
    )
    excl = [
        "avacopan is requested for eosinophilic granulomatosis with polyangiitis (EGPA) or "
        "for ANCA-negative vasculitis",
        "avacopan would be taken with a strong CYP3A4 inducer, such as rifampin, "
        "carbamazepine, phenytoin or St John's wort",
        "sarilumab would be given with another biologic or a Janus kinase inhibitor",
        "either drug is requested for a Covered Person with an active serious infection, "
        "including active tuberculosis or active hepatitis B",
        "the Covered Person is enrolled in a clinical trial that supplies the drug",
    ]
    for k, e in enumerate(excl):
        end = "; or" if k == len(excl) - 2 else ("." if k == len(excl) - 1 else ";")
        _t(d, f"({chr(97 + k)})  {e}{end}", "", 11, 5.2, 10, SERIF, 0.6)
    d.ln(1)
    heading("7.  Schedule C-1 - Specialty Drugs")
    d.set_font(SERIF, "", 10)
    d.table_head([60, 45, d.width - 105], ["Specialty Drug", "NDC", "Governing section"])
    d.row(
        [
            "Avacopan 10 mg capsule (Tavneos), bottle of 180",
            "55513-0100-18",
            "Section 4 of this Exhibit C",
        ]
    )
    d.row(
        [
            "Sarilumab 200 mg/1.14 mL prefilled pen (Kevzara), carton of 2",
            "00024-5925-02",
            "Section 5 of this Exhibit C",
        ]
    )
    d.row(["Other Specialty Drugs", "as listed", "Plan document, Article 9"])
    d.end_table()
    heading("8.  Amendment")
    body(
        "8.1  The Trust may amend this Exhibit C on sixty (60) days' written notice to the "
        "Administrator. Sections 4 through 6 shall be reviewed at least once every twelve "
        "(12) months."
    )
    if d.get_y() > d.page_break_trigger - 35:
        d.add_page()
    body("IN WITNESS WHEREOF, the parties have executed this Exhibit C as of January 1, 2026.")
    y = d.get_y() + 2
    for k, (party, name) in enumerate(
        (
            ("LAKESHORE EMPLOYERS' HEALTH TRUST", "Name: Marguerite Olsen, Chair of Trustees"),
            (
                "CORVANE SPECIALTY PHARMACY SERVICES, LLC",
                "Name: Terrence Vail, Chief Operating Officer",
            ),
        )
    ):
        x = d.l_margin + k * (d.width / 2)
        d.set_font(SERIF, "B", 10)
        d.set_xy(x, y)
        d.cell(d.width / 2, 5, party)
        d.set_font(SERIF, "", 10)
        d.set_xy(x, y + 9)
        d.cell(d.width / 2, 5, "By: ______________________________")
        d.set_xy(x, y + 14)
        d.cell(d.width / 2, 5, name)
    d.set_y(y + 20)
    inds = [
        Ind(
            "Severe active ANCA-associated vasculitis, GPA or MPA (avacopan)",
            init_anchor,
            [
                "ANCA-associated vasculitis",
                "AAV",
                "granulomatosis with polyangiitis",
                "microscopic polyangiitis",
            ],
            ["M31.30", "M31.31", "M31.7"],
            init,
            cont,
            cont_anchor,
        ),
        Ind(
            "Polymyalgia rheumatica after corticosteroids (sarilumab)",
            pmr_anchor,
            ["PMR", "polymyalgia rheumatica"],
            ["M35.3"],
            pmr,
        ),
    ]
    return d, inds, excl


# =========================================================================================
# 5. Billing and coding guide: HCPCS table with billing units, NDC table, then per
#    indication a "Covered ICD-10-CM codes" table and "Limitations" / "Documentation
#    requirements" bullets (the criteria, a dash sub-list for the alternatives), renewal in
#    a "Continued coverage" paragraph, non-covered uses, billing notes.
# =========================================================================================


def _bullets(d: Doc, kids: list[Crit]) -> None:
    for kid in kids:
        _t(d, f"\u2022  {kid.text}", "", 10, 4.8, 5, gap=0.5)
        for alt in kid.kids:
            _t(d, f"-  {alt.text}", "", 10, 4.8, 13, gap=0.5)
    d.ln(1)


def _prose(root: Crit) -> str:
    """The criteria as one sentence: "...; ...; and ..."."""
    parts = [k.text for k in root.kids]
    return "; ".join(parts[:-1]) + "; and " + parts[-1] + "."


def billing_leuprolide() -> tuple[Doc, list[Ind], list[str]]:
    def header(d: Doc) -> None:
        d.set_fill_color(0, 84, 122)
        d.rect(0, 0, d.w, 13, style="F")
        d.set_text_color(255)
        d.set_font("helvetica", "B", 10)
        d.set_xy(d.l_margin, 4)
        d.cell(0, 5, "Bayfront Health Plans  |  Provider Billing and Coding Guide")
        d.set_font("helvetica", "", 9)
        d.set_xy(d.l_margin, 4)
        d.cell(0, 5, "BCG-RX-117", align="R")
        d.set_text_color(0)
        d.set_y(19)

    def footer(d: Doc) -> None:
        d.set_y(-13)
        d.set_font("helvetica", "", 7.5)
        d.cell(
            0,
            4,
            "CPT and HCPCS codes are listed for billing only; a listed code does not "
            "guarantee payment. Revised 12/2025.",
        )
        d.set_x(d.l_margin)
        d.cell(0, 4, f"{d.page_no()}", align="R")

    d = Doc(header, footer, margin=18)
    d.add_page()
    _t(
        d,
        "Leuprolide acetate injectable suspensions (Lupron Depot, Lupron Depot-PED, Eligard, "
        "Fensolvi, Camcevi)",
        "B",
        13,
        6.2,
        gap=1,
    )
    _t(
        d,
        "Medical benefit, provider-administered. Effective for dates of service on or after "
        "01/01/2026. Applies to commercial and Medicare Advantage members.",
        "",
        9.5,
        4.6,
    )
    _t(d, "HCPCS codes and billing units", "B", 11, 5.4)
    d.table_head([20, 78, 30, d.width - 128], ["HCPCS", "Descriptor", "1 unit =", "Products"])
    d.row(
        [
            "J1950",
            "Injection, leuprolide acetate (for depot suspension), per 3.75 mg",
            "3.75 mg",
            "Lupron Depot-PED; Lupron Depot 3.75 mg and 11.25 mg",
        ]
    )
    d.row(
        [
            "J1951",
            "Injection, leuprolide acetate for injectable suspension (Fensolvi), 0.25 mg",
            "0.25 mg",
            "Fensolvi 45 mg (180 units)",
        ]
    )
    d.row(["J1952", "Leuprolide injectable, Camcevi, 1 mg", "1 mg", "Camcevi 42 mg (42 units)"])
    d.row(
        [
            "J9217",
            "Leuprolide acetate (for depot suspension), 7.5 mg",
            "7.5 mg",
            "Eligard; Lupron Depot 7.5, 22.5, 30 and 45 mg",
        ]
    )
    d.end_table()
    _t(
        d,
        "NDCs (report the 11-digit NDC with the N4 qualifier and the unit of measure UN)",
        "B",
        11,
        5.4,
    )
    d.table_head([34, 72, 26, d.width - 132], ["NDC", "Product", "HCPCS", "Units per dose"])
    for ndc, prod, code, units in (
        ("00074-2282-03", "Lupron Depot-PED 11.25 mg, 1-month kit", "J1950", "3"),
        ("00074-3779-03", "Lupron Depot-PED 30 mg, 3-month kit", "J1950", "8"),
        ("00074-4012-01", "Lupron Depot-PED 45 mg, 6-month kit", "J1950", "12"),
        ("62935-0153-50", "Fensolvi 45 mg, 6-month syringe kit", "J1951", "180"),
        ("62935-0753-60", "Eligard 45 mg, 6-month syringe kit", "J9217", "6"),
        ("74676-0594-01", "Camcevi 42 mg, 6-month prefilled syringe", "J1952", "42"),
    ):
        d.row([ndc, prod, code, units])
    d.end_table()
    # --- indication 1 -------------------------------------------------------------------
    cpp_anchor = "Indication 1: Central precocious puberty (CPP)"
    _t(d, cpp_anchor, "B", 12, 6)
    _t(d, "Covered ICD-10-CM codes", "B", 10, 5)
    d.table_head([24, d.width - 24], ["Code", "Description"])
    d.row(["E22.8", "Other hyperfunction of pituitary gland (central precocious puberty)"])
    d.row(["E30.1", "Precocious puberty"])
    d.end_table()
    _t(d, "Covered products: J1950 (Lupron Depot-PED) and J1951 (Fensolvi).", "", 10, 4.8)
    cpp_rule = (
        "Leuprolide for CPP is covered for an initial 6 months only when every "
        "limitation and documentation requirement below is met."
    )
    _t(d, "Limitations", "B", 10.5, 5)
    _t(d, cpp_rule, "I", 10, 4.8)
    cpp = g(
        "all_of",
        cpp_rule,
        c(
            "Signs of puberty began before age 8 in a girl (breast development) or before "
            "age 9 in a boy (testicular volume of 4 mL or more)."
        ),
        g(
            "any_of",
            "The puberty is central (gonadotropin-dependent), shown by one of:",
            c("a peak LH of 5 IU/L or more after GnRH or leuprolide stimulation"),
            c(
                "a basal morning LH of 0.3 IU/L or more on an ultrasensitive assay, with "
                "pubertal signs progressing over at least 3 months"
            ),
        ),
        c("Bone age is at least 1 year ahead of chronological age."),
        c(
            "Doses are given every 1, 3 or 6 months as labeled for the product, and no more "
            "than one dose is billed per dosing interval."
        ),
        c("Notes from a pediatric endocrinologist who prescribes the treatment."),
        c("A brain MRI result for a boy, or for a girl whose signs began before age 6."),
        c("Height, weight and Tanner stage from the visit before the first dose."),
    )
    _bullets(d, cpp.kids[:4])
    _t(d, "Documentation requirements", "B", 10.5, 5)
    _bullets(d, cpp.kids[4:])
    cpp_c_anchor = "Continued coverage (CPP)."
    cpp_c_lead = (
        "After the first 6 months, leuprolide for CPP is covered for 12 months at a "
        "time when the record shows all of the following:"
    )
    cpp_c = g(
        "all_of",
        cpp_c_lead,
        c("puberty has not progressed since treatment began (Tanner stage the same or lower)"),
        c("LH is suppressed, below 4 IU/L 30 to 60 minutes after a dose or on a random sample"),
        c(
            "the child is younger than 11 years (girls) or 12 years (boys), or the "
            "endocrinologist records why treatment should continue past that age"
        ),
    )
    d.set_font("helvetica", "", 10)
    d.set_x(d.l_margin)
    d.multi_cell(
        d.width,
        4.8,
        f"**{cpp_c_anchor}** {cpp_c_lead} {_prose(cpp_c)}",
        markdown=True,
        new_x="LMARGIN",
        new_y="NEXT",
    )
    d.set_font("helvetica", "", 10)
    d.ln(2)
    # --- indication 2 -------------------------------------------------------------------
    if d.get_y() > d.page_break_trigger - 70:
        d.add_page()
    pc_anchor = "Indication 2: Advanced prostate cancer"
    _t(d, pc_anchor, "B", 12, 6)
    _t(d, "Covered ICD-10-CM codes", "B", 10, 5)
    d.table_head([24, d.width - 24], ["Code", "Description"])
    d.row(["C61", "Malignant neoplasm of prostate"])
    d.row(["R97.21", "Rising PSA following treatment for malignant neoplasm of prostate"])
    d.row(["Z19.1", "Hormone sensitive malignancy status"])
    d.row(["Z19.2", "Hormone resistant malignancy status"])
    d.end_table()
    _t(
        d,
        "Covered products: J9217 (Eligard, Lupron Depot), J1950 (Lupron Depot 3.75 mg and "
        "11.25 mg) and J1952 (Camcevi).",
        "",
        10,
        4.8,
    )
    pc_rule = (
        "Leuprolide for prostate cancer is covered for 12 months when every limitation "
        "and documentation requirement below is met."
    )
    _t(d, "Limitations", "B", 10.5, 5)
    _t(d, pc_rule, "I", 10, 4.8)
    pc = g(
        "all_of",
        pc_rule,
        c("Adenocarcinoma of the prostate is confirmed on biopsy."),
        g(
            "any_of",
            "One of the following applies:",
            c("metastatic disease on CT, bone scan or PSMA PET"),
            c("PSA rising after prostatectomy or radiation therapy (biochemical recurrence)"),
            c(
                "leuprolide is given with external beam radiation for intermediate- or "
                "high-risk localized disease, for up to 36 months"
            ),
        ),
        c(
            "Billed units match the labeled dose and interval (for example 6 units of J9217 "
            "for Eligard 45 mg every 6 months)."
        ),
        c("Prescribed by a urologist, radiation oncologist or medical oncologist."),
        c("Serum testosterone and PSA measured within 3 months before the first dose."),
    )
    _bullets(d, pc.kids[:3])
    _t(d, "Documentation requirements", "B", 10.5, 5)
    _bullets(d, pc.kids[3:])
    _t(d, "Non-covered uses", "B", 11, 5.4)
    excl = [
        "Peripheral (gonadotropin-independent) precocious puberty, such as McCune-Albright "
        "syndrome or a sex-steroid-secreting tumor.",
        "Short stature or slow growth without central precocious puberty, to increase adult "
        "height.",
        "Use together with degarelix, relugolix or a second GnRH agonist.",
        "Infertility treatment cycles (billed under the fertility benefit, not this guide).",
    ]
    _bullets(d, [c(e) for e in excl])
    if d.get_y() > d.page_break_trigger - 25:
        d.add_page()
    _t(d, "Billing notes", "B", 11, 5.4)
    for note in (
        "Report the drug on the same claim line as the NDC; one administration code (96402 "
        "for a subcutaneous or intramuscular hormonal antineoplastic, 96372 otherwise) per "
        "visit.",
        "Single-dose kits: append modifier JZ when none of the dose is discarded; JW is not "
        "used for these products.",
        "Example: Eligard 45 mg for C61 with R97.21 -> J9217 x 6 units, NDC 62935075360 UN1.",
    ):
        _t(d, f"-  {note}", "", 9.5, 4.6, 5, gap=0.5)
    inds = [
        Ind(
            "Central precocious puberty (leuprolide)",
            cpp_anchor,
            ["CPP", "precocious puberty", "gonadotropin-dependent precocious puberty"],
            ["E30.1", "E22.8"],
            cpp,
            cpp_c,
            cpp_c_anchor,
        ),
        Ind(
            "Advanced prostate cancer (leuprolide)",
            pc_anchor,
            ["prostate cancer", "androgen deprivation therapy"],
            ["C61", "R97.21"],
            pc,
        ),
    ]
    return d, inds, excl

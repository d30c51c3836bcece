"""Fifteenth synthetic batch, part B: a prescriber attestation form ("I attest that ...",
initial lines) (vitiligo: ruxolitinib cream; prurigo nodularis: nemolizumab); a utilization-
review nurse worksheet with "Met / Not met / Source" columns (hyperkalemia: patiromer, sodium
zirconium cyclosilicate); a landscape tri-fold brochure in three panels (allergic rhinitis:
grass and house-dust-mite sublingual tablets). Our own words, fictional plans."""

from __future__ import annotations

from render import Crit, Doc, Ind, c, g


def _t(d: Doc, text: str, style: str = "", size: float = 9, h: float = 4.3, w: float = 0,
       x: float | None = None) -> None:
    d.set_font("helvetica", style, size)
    if x is not None:
        d.set_x(x)
    d.multi_cell(w or d.width, h, text, new_x="LEFT", new_y="NEXT")
    d.ln(0.8)


def _plain_hf(title: str, code: str):  # noqa: ANN202 - two small closures
    def header(d: Doc) -> None:
        d.set_font("helvetica", "B", 9)
        d.set_xy(d.l_margin, 8)
        d.cell(0, 4, title)
        d.set_font("helvetica", "", 8)
        d.set_xy(d.l_margin, 8)
        d.cell(0, 4, code, align="R")
        d.set_y(16)

    def footer(d: Doc) -> None:
        d.set_y(-11)
        d.set_font("helvetica", "", 7)
        d.cell(0, 4, f"{code} - page {d.page_no()} of {{nb}}", align="C")

    return header, footer


# =========================================================================================
# 3. Attestation form: each criterion is a first-person statement the prescriber initials.
# =========================================================================================


def _attest(d: Doc, root: Crit) -> None:
    _t(d, root.text, "B", 9)
    for k, kid in enumerate(root.kids, 1):
        y = d.get_y()
        d.set_font("helvetica", "", 9)
        d.set_xy(d.l_margin, y)
        d.cell(16, 4.3, "_____ ")
        _t(d, f"{k}. " + kid.text, w=d.width - 18, x=d.l_margin + 18)
        for alt in kid.kids:
            _t(d, "( ) " + alt.text, w=d.width - 26, x=d.l_margin + 26)
    d.ln(2)


def attest_vitiligo() -> tuple[Doc, list[Ind], list[str]]:
    h, f = _plain_hf("Kestrel Bay Health Plan - Prescriber Attestation of Medical Necessity",
                     "Form KB-ATT-22")
    d = Doc(h, f, margin=16)
    d.add_page()
    _t(d, "Dermatology Attestation: Ruxolitinib Cream and Nemolizumab", "B", 14, 6.5)
    _t(d, "Write your initials on the line beside each statement that is true. Kestrel Bay "
       "relies on this signed attestation and may audit the chart. Leave a line blank if the "
       "statement is not true; a blank line means the request does not qualify.")
    _t(d, "SECTION A - Opzelura (ruxolitinib 1.5% cream), nonsegmental vitiligo", "B", 10.5)
    rux_lead = ("New request (approval 24 weeks): I attest to every statement initialed "
                "below.")
    rux = g("all_of", rux_lead,
            c("My patient is 12 years of age or older and has nonsegmental vitiligo."),
            c("The depigmented area to be treated is no more than 10% of body surface area."),
            c("My patient used a medium- or higher-potency topical corticosteroid or a topical "
              "calcineurin inhibitor for at least 12 weeks without adequate repigmentation."),
            c("My patient will not use the cream with a biologic, another JAK inhibitor or a "
              "strong immunosuppressant such as cyclosporine."))
    _attest(d, rux)
    rux_r_lead = "Renewal (approval 52 weeks): I attest to both statements below."
    rux_r = g("all_of", rux_r_lead,
              c("Repigmentation of the treated areas is visible compared with the photographs "
                "taken before treatment."),
              c("The treated area is still no more than 10% of body surface area."))
    _attest(d, rux_r)
    _t(d, "SECTION B - Nemluvio (nemolizumab), prurigo nodularis", "B", 10.5)
    nem_lead = "New request (approval 16 weeks): I attest to every statement initialed below."
    nem = g("all_of", nem_lead,
            c("My patient is an adult with prurigo nodularis of at least 3 months' duration "
              "and 20 or more nodules on at least two body regions."),
            c("The worst-itch numeric rating score in the last week is 7 or more out of 10."),
            g("any_of", "At least one of these has failed or cannot be used:",
              c("a super-potent topical corticosteroid used for 2 weeks or longer"),
              c("phototherapy or a systemic agent such as methotrexate or cyclosporine")),
            c("I am a dermatologist, or I prescribe with a dermatologist's advice."))
    _attest(d, nem)
    nem_r_lead = "Renewal (approval 12 months): I attest to both statements below."
    nem_r = g("all_of", nem_r_lead,
              c("The worst-itch score has fallen by 4 points or more from the start of "
                "treatment."),
              c("Nodules are fewer or flatter than at the start of treatment."))
    _attest(d, nem_r)
    _t(d, "Kestrel Bay does not approve these requests", "B", 10)
    excl = [
        "Segmental vitiligo, or ruxolitinib cream over more than 20% of the body.",
        "Ruxolitinib cream for cosmetic blending of stable, fully treated areas.",
        "Nemolizumab used with dupilumab or another biologic for itch.",
    ]
    for e in excl:
        _t(d, "- " + e)
    _t(d, "Prescriber signature ______________________  NPI __________  Date ___/___/____",
       "I", 8)
    inds = [
        Ind("Nonsegmental vitiligo (ruxolitinib cream)", rux_lead, ["vitiligo"], ["L80"],
            rux, rux_r, rux_r_lead),
        Ind("Prurigo nodularis (nemolizumab)", nem_lead, ["PN"], ["L28.1"], nem, nem_r,
            nem_r_lead),
    ]
    return d, inds, excl


# =========================================================================================
# 4. UR nurse worksheet: criteria rows with "Met  Not met  Source" tick columns at the right.
# =========================================================================================


def _sheet(d: Doc, root: Crit) -> None:
    cw = d.width - 46
    d.set_fill_color(225, 225, 240)
    d.set_font("helvetica", "B", 8.5)
    y = d.get_y()
    d.multi_cell(cw, 4.5, root.text, fill=True, new_x="RIGHT", new_y="TOP")
    d.set_xy(d.l_margin + cw, y)
    d.cell(46, 4.5, " Met   Not met   Source", fill=True, new_x="LMARGIN", new_y="NEXT")
    d.set_y(max(d.get_y(), y + 9))
    rows: list[tuple[int, Crit, str]] = []
    for k, kid in enumerate(root.kids, 1):
        rows.append((0, kid, f"{k}"))
        rows += [(1, a, f"{k}{'abc'[j]}") for j, a in enumerate(kid.kids)]
    for lvl, node, mark in rows:
        y = d.get_y()
        d.set_font("helvetica", "", 8.5)
        d.set_xy(d.l_margin + lvl * 6, y)
        d.cell(7, 4.3, mark)
        d.set_xy(d.l_margin + 7 + lvl * 6, y)
        d.multi_cell(cw - 7 - lvl * 6, 4.3, node.text, new_x="LMARGIN", new_y="NEXT")
        end = d.get_y()
        if not node.is_group:
            d.set_xy(d.l_margin + cw, y)
            d.cell(46, 4.3, " [  ]    [  ]      ____")
        d.line(d.l_margin, end + 0.5, d.l_margin + d.width, end + 0.5)
        d.set_y(end + 1.2)
    d.ln(3)


def worksheet_hyperkalemia() -> tuple[Doc, list[Ind], list[str]]:
    h, f = _plain_hf("Silverline Health - Utilization Review Nurse Worksheet", "UR-WS-311")
    d = Doc(h, f, margin=15)
    d.add_page()
    _t(d, "Potassium Binders: Patiromer (Veltassa) and Sodium Zirconium Cyclosilicate "
       "(Lokelma)", "B", 12.5, 6)
    _t(d, "Reviewer: tick Met or Not met for each numbered row and note the chart page. A "
       "lettered row is one way of meeting its numbered row. Refer to the pharmacist reviewer "
       "when any numbered row is Not met.", "", 8.5)
    pat_lead = ("Patiromer - initial review. Approve 6 months when every numbered row is Met.")
    pat = g("all_of", pat_lead,
            c("Two serum potassium results of 5.1 mEq/L or higher at least 7 days apart in "
              "the last 60 days, not from hemolyzed samples"),
            c("Patient takes an ACE inhibitor, ARB, ARNI or mineralocorticoid antagonist that "
              "the prescriber wants to continue"),
            c("A low-potassium diet was reviewed and potassium-raising drugs other than the "
              "ones above (such as NSAIDs or trimethoprim) were stopped"),
            c("Other oral drugs are separated from patiromer by at least 3 hours"))
    _sheet(d, pat)
    pat_r_lead = "Patiromer - renewal. Approve 12 months when both rows are Met."
    pat_r = g("all_of", pat_r_lead,
              c("Latest potassium is 5.0 mEq/L or lower while on patiromer"),
              c("Magnesium was checked in the last 3 months and is 1.4 mg/dL or higher, or "
                "is being replaced"))
    _sheet(d, pat_r)
    szc_lead = ("Sodium zirconium cyclosilicate - initial review. Approve 6 months when every "
                "numbered row is Met.")
    szc = g("all_of", szc_lead,
            c("Serum potassium of 5.5 mEq/L or higher on two occasions in the last 90 days"),
            g("any_of", "Patiromer is not suitable:",
              c("patiromer was taken for 4 weeks or more without potassium falling to 5.0 "
                "mEq/L or lower"),
              c("patiromer caused constipation, hypomagnesemia or another effect that "
                "stopped it")),
            c("No heart failure decompensation with edema in the last 3 months"))
    _sheet(d, szc)
    szc_r_lead = ("Sodium zirconium cyclosilicate - renewal. Approve 12 months when both rows "
                  "are Met.")
    szc_r = g("all_of", szc_r_lead,
              c("Latest potassium is between 3.5 and 5.0 mEq/L on maintenance dosing"),
              c("No new or worsening edema on treatment"))
    _sheet(d, szc_r)
    _t(d, "Stop - refer to the medical director, do not approve:", "B", 9)
    excl = [
        "Emergency treatment of life-threatening hyperkalemia in place of acute therapy.",
        "Both potassium binders at the same time.",
        "Patiromer in a patient with severe constipation, bowel obstruction or impaction.",
    ]
    for e in excl:
        _t(d, "[STOP] " + e, "", 8.5)
    inds = [
        Ind("Chronic hyperkalemia (patiromer)", pat_lead, ["high potassium"], ["E87.5"], pat,
            pat_r, pat_r_lead),
        Ind("Chronic hyperkalemia (sodium zirconium cyclosilicate)", szc_lead, ["SZC"],
            ["E87.5"], szc, szc_r, szc_r_lead),
    ]
    return d, inds, excl


# =========================================================================================
# 5. Tri-fold brochure: landscape page, three panels side by side.
# =========================================================================================


def trifold_slit() -> tuple[Doc, list[Ind], list[str]]:
    def header(d: Doc) -> None:
        d.set_y(8)

    def footer(d: Doc) -> None:
        d.set_y(-10)
        d.set_font("helvetica", "", 7)
        d.cell(0, 4, f"Oakmere Family Health Plan - Provider brochure PB-44 (2026) - "
               f"{d.page_no()}/{{nb}}", align="C")

    d = Doc(header, footer, margin=10)
    d.set_auto_page_break(False)
    d.add_page(orientation="L")
    pw = (d.w - 2 * d.l_margin - 2 * 8) / 3
    xs = [d.l_margin + k * (pw + 8) for k in range(3)]

    def panel_list(x: float, root: Crit) -> None:
        _t(d, root.text, "B", 8.5, 4, pw, x)
        for kid in root.kids:
            _t(d, "> " + kid.text, "", 8.3, 3.9, pw - 3, x + 3)
            for alt in kid.kids:
                _t(d, "- " + alt.text, "", 8.3, 3.9, pw - 8, x + 8)

    # Panel 1: grass tablet
    d.set_xy(xs[0], 10)
    d.set_fill_color(70, 130, 60)
    d.set_text_color(255)
    d.set_font("helvetica", "B", 10)
    d.multi_cell(pw, 5.5, "Under-the-tongue allergy tablets: when we cover them", fill=True,
                 new_x="LEFT", new_y="NEXT")
    d.set_text_color(0)
    d.ln(1.5)
    _t(d, "Panel 1. Grass pollen tablet (Grastek, timothy grass extract)", "B", 9.5, 4.6, pw,
       xs[0])
    gr_lead = "First season: we approve 12 months if your patient meets all of these:"
    gr = g("all_of", gr_lead,
           c("Age 5 to 65 years with allergic rhinitis, with or without conjunctivitis, from "
             "grass pollen"),
           c("A positive skin prick test or specific IgE to timothy or a related grass"),
           c("Symptoms persisted despite an intranasal corticosteroid and an oral or nasal "
             "antihistamine used together through at least one season"),
           c("An epinephrine auto-injector has been prescribed"),
           c("The first tablet is taken in the office, at least 12 weeks before the grass "
             "season"))
    panel_list(xs[0], gr)
    # Panel 2: renewal and HDM
    d.set_xy(xs[1], 10)
    _t(d, "Panel 2. Next seasons (grass)", "B", 9.5, 4.6, pw, xs[1])
    gr_r_lead = "Renewal: 12 more months, up to 3 years in all, if both are true:"
    gr_r = g("all_of", gr_r_lead,
             c("Fewer symptoms or less rescue medicine in the last season, noted by the "
               "prescriber"),
             c("The tablet is taken daily, with fills covering at least 80% of days"))
    panel_list(xs[1], gr_r)
    d.ln(2)
    _t(d, "House dust mite tablet (Odactra)", "B", 9.5, 4.6, pw, xs[1])
    hdm_lead = "First year: we approve 12 months if your patient meets all of these:"
    hdm = g("all_of", hdm_lead,
            c("Age 12 to 65 years with perennial allergic rhinitis from dust mites"),
            c("A positive skin test or specific IgE to Dermatophagoides farinae or "
              "pteronyssinus"),
            g("any_of", "Medicines alone have not been enough:",
              c("symptoms continue on an intranasal corticosteroid used daily for 2 months"),
              c("the intranasal corticosteroid caused nosebleeds or was not tolerated")),
            c("An epinephrine auto-injector has been prescribed for dust mite dosing too"))
    panel_list(xs[1], hdm)
    # Panel 3: renewal HDM and exclusions
    d.set_xy(xs[2], 10)
    _t(d, "Panel 3. Dust mite renewal", "B", 9.5, 4.6, pw, xs[2])
    hdm_r_lead = "Year 2 and 3: 12 months each if both are true:"
    hdm_r = g("all_of", hdm_r_lead,
              c("Nasal symptoms or rescue medicine use are less than before the tablet"),
              c("No eosinophilic esophagitis or severe throat swelling has occurred"))
    panel_list(xs[2], hdm_r)
    d.ln(2)
    _t(d, "We never cover the tablets for", "B", 9.5, 4.6, pw, xs[2])
    excl = [
        "Severe, unstable or uncontrolled asthma.",
        "A history of eosinophilic esophagitis.",
        "Food allergy or hives, which the tablets do not treat.",
        "Two allergen tablets at once, or a tablet with allergy shots for the same allergen.",
    ]
    for e in excl:
        _t(d, "x " + e, "", 8.3, 3.9, pw, xs[2])
    inds = [
        Ind("Grass pollen allergic rhinitis (Grastek)", gr_lead, ["hay fever"], ["J30.1"], gr,
            gr_r, gr_r_lead),
        Ind("Dust mite allergic rhinitis (Odactra)", hdm_lead, ["HDM allergy"], ["J30.89"],
            hdm, hdm_r, hdm_r_lead),
    ]
    return d, inds, excl

"""Sixteenth synthetic batch, part B: a pharmacy help-desk telephone intake script with
SAY / ASK / IF NO lines (Clostridioides difficile: fidaxomicin, fecal microbiota spores);
an "optimal use guideline" in the Japanese ministry style, with shared facility and
physician requirements, "4-1" / "4-2" eligible-patient sections, "Patients for whom use is
not recommended" and "Points to note on continuation" (canakinumab: CAPS, Still's disease).
Our own words, fictional plans."""

from __future__ import annotations

from render import Crit, Doc, Ind, c, g


def _text(d: Doc, text: str, style: str = "", size: float = 9.5, h: float = 4.6,
          indent: float = 0.0, font: str = "helvetica") -> None:
    d.set_font(font, style, size)
    d.set_x(d.l_margin + indent)
    d.multi_cell(d.width - indent, h, text, new_x="LMARGIN", new_y="NEXT")
    d.ln(1.0)


# =========================================================================================
# 4. Telephone intake script: each path opens with a bold rule (length and logic), then
#    numbered ASK lines (the criteria, as questions read to the caller), each followed by an
#    "IF NO" routing line; an any_of is an ASK whose lettered options are read out.
# =========================================================================================


def _label(d: Doc, label: str, text: str, style: str = "", indent: float = 0.0,
           rgb: tuple[int, int, int] = (0, 0, 0)) -> None:
    if d.get_y() > d.page_break_trigger - 10:
        d.add_page()
    y = d.get_y()
    d.set_font("courier", "B", 9)
    d.set_text_color(*rgb)
    d.set_xy(d.l_margin + indent, y)
    d.cell(22, 4.5, label)
    d.set_text_color(0)
    d.set_font("helvetica", style, 9.3)
    d.set_xy(d.l_margin + indent + 22, y)
    d.multi_cell(d.width - indent - 22, 4.5, text, new_x="LMARGIN", new_y="NEXT")
    d.ln(0.8)


def _path(d: Doc, title: str, root: Crit, prefix: str, say: str, no_route: str) -> None:
    d.ln(2)
    d.set_fill_color(60, 60, 60)
    d.set_text_color(255)
    d.set_font("helvetica", "B", 10)
    d.multi_cell(d.width, 5.6, title, fill=True, new_x="LMARGIN", new_y="NEXT")
    d.set_text_color(0)
    d.ln(1.5)
    _label(d, "RULE", root.text, "B")
    _label(d, "SAY", say, "I")
    for i, kid in enumerate(root.kids, 1):
        _label(d, f"ASK {prefix}{i}", kid.text, rgb=(20, 70, 150))
        for k, alt in enumerate(kid.kids):
            _label(d, f"  ({chr(97 + k)})", alt.text, indent=6)
        _label(d, "IF NO", no_route, "I", indent=6, rgb=(150, 30, 30))


def script_cdiff() -> tuple[Doc, list[Ind], list[str]]:
    def header(d: Doc) -> None:
        d.set_font("courier", "", 8)
        d.set_xy(d.l_margin, 8)
        d.cell(0, 4, "BAYFRONT HEALTH PLAN - PHARMACY HELP DESK - CALL SCRIPT PH-17")
        d.set_xy(d.l_margin, 8)
        d.cell(0, 4, "INTERNAL USE", align="R")
        d.line(d.l_margin, 13, d.w - d.r_margin, 13)
        d.set_y(17)

    def footer(d: Doc) -> None:
        d.set_y(-12)
        d.set_font("courier", "", 7.5)
        d.cell(0, 4, f"PH-17 v6 | reviewed 12/2025 | {d.page_no()}/{{nb}}", align="C")

    d = Doc(header, footer, margin=17)
    d.add_page()
    _text(d, "Call Script PH-17: Prior Authorization by Phone - C. difficile Drugs", "B", 14,
          6.5)
    _text(d, "Use this script when a prescriber's office calls for fidaxomicin or for fecal "
          "microbiota spores. Read SAY lines as written. Ask each ASK line in order and record "
          "the caller's answer and the source (note date, lab date). Follow the IF NO line as "
          "soon as an answer is no; do not skip ahead. Routing: Closing C sends the request "
          "to a pharmacist for a denial review; Closing A records an approval.", "", 9.3)
    _label(d, "SAY", "Thank you for calling Bayfront Health Plan pharmacy. May I have the "
           "member ID, the drug requested and your call-back number?", "I")
    fdx_rule = ("Path A. Fidaxomicin (Dificid) 200 mg tablets for a current C. difficile "
                "infection: approve one course (up to 25 days) only when the answers to ASK "
                "A1 through A4 are all yes.")
    fdx = g("all_of", fdx_rule,
            c("Did a stool toxin test or a toxin gene PCR on an unformed stool come back "
              "positive for this episode?"),
            c("Is the member having three or more unformed stools in 24 hours?"),
            g("any_of", "Which of these applies? A yes to either option is enough:",
              c("this episode began within 8 weeks after an earlier C. difficile episode "
                "ended"),
              c("this is a first episode in a member aged 65 or older or with a weakened "
                "immune system")),
            c("Is the course written as 200 mg twice a day for 10 days, or as the extended "
              "25-day schedule?"))
    _path(d, "PATH A - FIDAXOMICIN FOR AN ACTIVE C. DIFFICILE INFECTION", fdx, "A",
          "I will ask four questions about the infection and the prescription.",
          "Go to Closing C.")
    vow_rule = ("Path B. Fecal microbiota spores, live (Vowst) to prevent another recurrence: "
                "approve one 3-day course only when ASK B1 through B5 are all yes.")
    vow = g("all_of", vow_rule,
            c("Is the member 18 years of age or older?"),
            c("Has the member had at least three C. difficile episodes in total, counting "
              "the current one?"),
            c("Has the member finished a full course of vancomycin or fidaxomicin for the "
              "current episode?"),
            c("Has the diarrhea settled on that course, to fewer than three unformed stools a "
              "day for at least 2 days?"),
            c("Will the first dose be taken 2 to 4 days after the last antibiotic dose, "
              "after a magnesium citrate preparation the evening before?"))
    _path(d, "PATH B - FECAL MICROBIOTA SPORES AFTER A RECURRENCE", vow, "B",
          "This drug is for members whose infection has come back. I will ask five "
          "questions.", "Go to Closing C.")
    _text(d, "CLOSING A - approval", "B", 10.5, 5.5)
    _label(d, "SAY", "The request is approved for the course we discussed. The pharmacy can "
           "fill it today.", "I")
    _text(d, "CLOSING C - pharmacist review", "B", 10.5, 5.5)
    _label(d, "SAY", "I cannot approve this by phone. A pharmacist will review it and call "
           "you within one business day.", "I")
    _text(d, "CLOSING D - never approved by phone or by pharmacist review", "B", 10.5, 5.5)
    _text(d, "Read the matching line and end the call:", "", 9.3)
    excl = [
        "Fidaxomicin to prevent infection in a member who has no active diarrhea.",
        "Fecal microbiota spores as treatment of an active episode.",
        "A second course of fecal microbiota spores within 12 months.",
        "Either drug for a positive test in a member with formed stools only.",
    ]
    for e in excl:
        _label(d, "READ", e)
    inds = [
        Ind("Clostridioides difficile infection, active episode (fidaxomicin)", fdx_rule,
            ["C. difficile infection", "CDI"], ["A04.72"], fdx),
        Ind("Recurrent Clostridioides difficile infection, prevention of recurrence (fecal "
            "microbiota spores)", vow_rule, ["recurrent CDI"], ["A04.71", "Z86.19"], vow),
    ]
    return d, inds, excl


# =========================================================================================
# 5. Optimal use guideline: numbered chapters; chapter 3 (facility and physician) applies to
#    every patient and so is part of both indications' trees; "4-1" / "4-2" sections with
#    "(1)" items and "a)" alternatives; chapter 5 lists where use is not recommended;
#    chapter 6 gives the continuation rules per disease.
# =========================================================================================


def _numbered(d: Doc, items: list[Crit], indent: float = 6) -> None:
    for i, kid in enumerate(items, 1):
        _text(d, f"({i})  {kid.text}", "", 9.5, 4.6, indent)
        for k, alt in enumerate(kid.kids):
            _text(d, f"{chr(97 + k)})  {alt.text}", "", 9.5, 4.6, indent + 8)


def oug_canakinumab() -> tuple[Doc, list[Ind], list[str]]:
    def header(d: Doc) -> None:
        d.set_font("times", "", 8.5)
        d.set_xy(d.l_margin, 9)
        d.cell(0, 4, "Eastfield Mutual Health Insurance Society - Optimal Use Guideline OUG-07",
               align="C")
        d.set_y(18)

    def footer(d: Doc) -> None:
        d.set_y(-13)
        d.set_font("times", "", 9)
        d.cell(0, 4, f"- {d.page_no()} -", align="C")

    d = Doc(header, footer, margin=22)
    d.add_page()
    _text(d, "Optimal Use Guideline", "B", 16, 7, font="times")
    _text(d, "Canakinumab (genetical recombination) (Ilaris) 150 mg for subcutaneous injection",
          "B", 12, 6, font="times")
    _text(d, "Issued January 2026 by the Society's Medicines Committee", "I", 9.5,
          font="times")
    _text(d, "1.  Introduction", "B", 11, 5.5, font="times")
    _text(d, "Canakinumab is a human monoclonal antibody that neutralizes interleukin-1 beta. "
          "Because it suppresses immune responses and is used for rare diseases, this "
          "guideline sets out the facilities, physicians and patients for which the Society "
          "considers its use appropriate and therefore reimburses it.", font="times")
    _text(d, "2.  Summary of clinical results", "B", 11, 5.5, font="times")
    _text(d, "In cryopyrin-associated periodic syndromes most patients had a complete response "
          "after a single dose, and few relapsed over 48 weeks of dosing every 8 weeks. In "
          "systemic juvenile idiopathic arthritis, withdrawal studies showed fewer flares "
          "with continued treatment.", font="times")
    fac_head = ("3.  Requirements for facilities and physicians (these apply to every patient "
                "in chapter 4)")
    _text(d, fac_head, "B", 11, 5.5, font="times")
    f1 = c("Treatment is directed by a physician board-certified in rheumatology or "
           "pediatrics who has treated autoinflammatory disease.")
    f2 = c("The facility can screen for tuberculosis and can treat serious infections "
           "promptly, alone or with a partner hospital.")
    _numbered(d, [f1, f2])
    _text(d, "4.  Patients eligible for treatment", "B", 11, 5.5, font="times")
    _text(d, "4-1  Cryopyrin-associated periodic syndromes", "B", 10.5, 5.2, font="times")
    caps_lead = ("Use in patients who meet all of (1) to (4) below, together with chapter 3. "
                 "The first approval is for 6 months.")
    _text(d, caps_lead, "", 9.5, font="times")
    caps_items = [
        c("Diagnosis of familial cold autoinflammatory syndrome, Muckle-Wells syndrome or "
          "neonatal-onset multisystem inflammatory disease, with an NLRP3 variant or typical "
          "clinical features."),
        c("Age 4 years or older and body weight 15 kg or more."),
        c("C-reactive protein above 10 mg/L or serum amyloid A above 10 mg/L during "
          "attacks."),
        c("Tuberculosis screening (interferon-gamma release assay, or tuberculin skin test, "
          "with chest X-ray) negative within the last 3 months, or latent infection already "
          "treated."),
    ]
    _numbered(d, caps_items)
    still_head = "4-2  Still's disease (systemic juvenile idiopathic arthritis and adult-onset"
    _text(d, still_head + " Still's disease)", "B", 10.5, 5.2, font="times")
    still_lead = ("Use in patients who meet all of (1) to (4) below, together with chapter 3. "
                  "The first approval is for 4 months.")
    _text(d, still_lead, "", 9.5, font="times")
    still_items = [
        c("Active disease with spiking fever, rash or arthritis at the time of the request."),
        c("Age 2 years or older."),
        g("any_of", "Disease remains active after one of the following:",
          c("a systemic corticosteroid given for at least 2 weeks"),
          c("a nonsteroidal anti-inflammatory drug given for at least 4 weeks")),
        c("No macrophage activation syndrome at present, after review of ferritin, platelet "
          "count and liver enzymes."),
    ]
    _numbered(d, still_items)
    _text(d, "5.  Patients for whom use is not recommended", "B", 11, 5.5, font="times")
    excl = [
        "Patients with an active serious infection, including active tuberculosis.",
        "Use together with a TNF inhibitor, anakinra, rilonacept or tocilizumab.",
        "Gout flares, periodic fever syndromes other than those in 4-1, and other uses not in "
        "chapter 4.",
        "Live vaccines during treatment or within 3 months after the last dose.",
    ]
    for e in excl:
        _text(d, "*  " + e, "", 9.5, 4.6, 6, font="times")
    _text(d, "6.  Points to note on continued administration", "B", 11, 5.5, font="times")
    caps_c_lead = ("6-1  Cryopyrin-associated periodic syndromes: continue for 12 months at a "
                   "time when both of the following are confirmed.")
    _text(d, caps_c_lead, "", 9.5, font="times")
    caps_c_items = [
        c("Attacks have stopped or become clearly less frequent, with C-reactive protein or "
          "serum amyloid A back to 10 mg/L or less."),
        c("No serious infection has occurred during treatment."),
    ]
    _numbered(d, caps_c_items)
    still_c_lead = ("6-2  Still's disease: continue for 12 months at a time when both of the "
                    "following are confirmed.")
    _text(d, still_c_lead, "", 9.5, font="times")
    still_c_items = [
        c("Fever has resolved and the number of active joints has fallen since the start."),
        c("The daily corticosteroid dose has been reduced or stopped, or no corticosteroid "
          "was being taken."),
    ]
    _numbered(d, still_c_items)
    _text(d, "7.  Dosage", "B", 11, 5.5, font="times")
    _text(d, "CAPS: 150 mg every 8 weeks for patients over 40 kg, 2 mg/kg for 15 to 40 kg. "
          "Still's disease: 4 mg/kg (up to 300 mg) every 4 weeks.", font="times")
    caps = g("all_of", "", f1, f2, *caps_items)  # lead printed after the shared chapter
    still = g("all_of", "", f1, f2, *still_items)
    inds = [
        Ind("Cryopyrin-associated periodic syndromes (canakinumab)", fac_head,
            ["CAPS", "Muckle-Wells syndrome", "FCAS", "NOMID"], ["M04.2"], caps,
            g("all_of", caps_c_lead, *caps_c_items), caps_c_lead),
        Ind("Still's disease: systemic JIA and adult-onset Still's disease (canakinumab)",
            fac_head, ["sJIA", "AOSD"], ["M08.20", "M06.1"], still,
            g("all_of", still_c_lead, *still_c_items), still_c_lead),
    ]
    return d, inds, excl

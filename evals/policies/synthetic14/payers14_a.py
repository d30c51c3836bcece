"""Fourteenth synthetic batch, part A: a coverage statement whose criteria are unmarked ordinal
sentences in running prose ("First, ... Second, ...") (Wilson disease / cystinuria:
trientine, penicillamine); and a specialty-pharmacy intake sheet whose clinical questions each
carry "[ ] Yes  [ ] No" boxes (Gaucher disease type 1: eliglustat, imiglucerase). Our own
words, fictional plans."""

from __future__ import annotations

from render import Crit, Doc, Ind, c, g

ORDINALS = ["First", "Second", "Third", "Fourth", "Fifth", "Sixth", "Seventh"]


def _plain(d: Doc, text: str, style: str = "", size: float = 10, h: float = 4.8) -> None:
    d.set_font("times", style, size)
    d.multi_cell(d.width, h, text, new_x="LMARGIN", new_y="NEXT")
    d.ln(1.5)


def _prose(root: Crit) -> str:
    """The root's lead-in, then each criterion as an ordinal sentence; an any_of group is one
    sentence: '<lead-in> <alt 1>, or <alt 2>.'"""
    parts = [root.text]
    for k, kid in enumerate(root.kids):
        if kid.is_group:
            alts = [a.text for a in kid.kids]
            body = kid.text + " " + ", or ".join(alts)
        else:
            body = kid.text
        parts.append(f"{ORDINALS[k]}, {body}.")
    return " ".join(parts)


# =========================================================================================
# 1. Ordinal prose: no markers; the lead-in sentence gives the logic and the length.
# =========================================================================================


def ordinals_wilson() -> tuple[Doc, list[Ind], list[str]]:
    def header(d: Doc) -> None:
        d.set_font("times", "I", 9)
        d.set_xy(d.l_margin, 10)
        d.cell(0, 4, "Larchmont Mutual Health - Coverage Statement CS-2214")
        d.set_xy(d.l_margin, 10)
        d.cell(0, 4, "Chelating agents", align="R")
        d.set_y(20)

    def footer(d: Doc) -> None:
        d.set_y(-13)
        d.set_font("times", "I", 8)
        d.cell(0, 4, f"Coverage Statement CS-2214, reviewed March 2026. Page {d.page_no()} "
               "of {nb}", align="C")

    d = Doc(header, footer, margin=24)
    d.add_page()
    _plain(d, "Trientine and Penicillamine for Copper and Cystine Disorders", "B", 15, 7)
    _plain(d, "Larchmont Mutual Health reads every request for these chelating agents against "
           "the statement below. The statement is written as connected prose so that a "
           "reviewer can read it aloud to a prescriber; the order of the sentences carries no "
           "weight, but each numbered sentence is a separate requirement.")
    _plain(d, "Wilson disease", "B", 12, 6)
    tri_lead = ("A first request for trientine (Cuvrior or generic trientine hydrochloride) in "
                "Wilson disease is approved for twelve months, and only when every one of the "
                "following sentences is true of the member.")
    tri = g("all_of", tri_lead,
            c("the diagnosis of Wilson disease rests on a Leipzig score of 4 or more, or on "
              "two disease-causing ATP7B variants"),
            g("any_of", "penicillamine has already been used and either",
              c("it caused a reaction that led to stopping it, such as rash, proteinuria, "
                "cytopenia or worsening neurologic signs"),
              c("the prescriber documents why penicillamine cannot be started, for example a "
                "past penicillamine-induced lupus or pregnancy planned within the year")),
            c("the member is not also taking zinc within one hour of a trientine dose"),
            c("the prescriber is a hepatologist, a gastroenterologist or a neurologist with "
              "experience in Wilson disease"))
    _plain(d, _prose(tri))
    tri_r_lead = ("A renewal of trientine is approved for twelve months at a time when both of "
                  "the following are true.")
    tri_r = g("all_of", tri_r_lead,
              c("a 24-hour urine copper collected on treatment within the last six months is "
                "between 200 and 500 micrograms per day, or the non-ceruloplasmin-bound "
                "copper is in the target range"),
              c("liver enzymes and neurologic status are stable or better than before "
                "trientine"))
    _plain(d, _prose(tri_r))
    _plain(d, "Cystinuria", "B", 12, 6)
    pen_lead = ("Penicillamine (Depen Titratabs) for cystinuria is approved for six months on a "
                "first request, and only when all of the following sentences describe the "
                "member.")
    pen = g("all_of", pen_lead,
            c("cystinuria is shown by cystine stones on stone analysis or a 24-hour urine "
              "cystine above 400 milligrams per day"),
            c("the member has kept a fluid intake of at least three liters a day and taken "
              "urinary alkalinization with potassium citrate for three months or more"),
            c("cystine stones have continued to form, or the urine cystine stays above 250 "
              "milligrams per liter, despite those measures"),
            c("tiopronin was tried and stopped for an adverse effect, or cannot be used"))
    _plain(d, _prose(pen))
    pen_r_lead = ("Penicillamine for cystinuria is renewed for twelve months when both of the "
                  "following are true.")
    pen_r = g("all_of", pen_r_lead,
              c("urine cystine has fallen below 250 milligrams per liter, or no new stone has "
                "formed since the last approval"),
              c("a urinalysis and blood count in the last three months show no proteinuria of "
                "1 gram a day or more and no cytopenia"))
    _plain(d, _prose(pen_r))
    _plain(d, "What this statement does not cover", "B", 12, 6)
    excl = [
        "Acute liver failure from Wilson disease, where transplant evaluation comes first.",
        "Penicillamine for rheumatoid arthritis or for heavy-metal poisoning other than "
        "copper.",
        "Trientine and penicillamine taken together.",
        "Members with a past penicillamine-related aplastic anemia or agranulocytosis, for "
        "penicillamine.",
    ]
    _plain(d, "Larchmont Mutual Health does not pay for either agent in these situations. "
           + " ".join(f"{ORDINALS[k]}, {e[0].lower()}{e[1:]}" for k, e in enumerate(excl)))
    excl = [f"{e[0].lower()}{e[1:]}" for e in excl]
    _plain(d, "Dosing in this statement follows the product labels; a trientine renewal does "
           "not need a repeat ATP7B test.", "I", 9)
    inds = [
        Ind("Wilson disease (trientine)", tri_lead, ["hepatolenticular degeneration"],
            ["E83.01"], tri, tri_r, tri_r_lead),
        Ind("Cystinuria (penicillamine)", pen_lead, ["cystine stones"], ["E72.01"], pen,
            pen_r, pen_r_lead),
    ]
    return d, inds, excl


# =========================================================================================
# 2. Specialty-pharmacy intake sheet: fill-in fields, then clinical questions, each with
#    "[ ] Yes  [ ] No" boxes at the right margin; a box line per section gives the rule.
# =========================================================================================


def intake_gaucher() -> tuple[Doc, list[Ind], list[str]]:
    def header(d: Doc) -> None:
        d.set_fill_color(40, 70, 110)
        d.rect(0, 0, d.w, 16, "F")
        d.set_text_color(255)
        d.set_font("helvetica", "B", 11)
        d.set_xy(12, 4)
        d.cell(0, 5, "BRIGHTWATER SPECIALTY PHARMACY - NEW PATIENT INTAKE")
        d.set_font("helvetica", "", 8)
        d.set_xy(12, 9.5)
        d.cell(0, 4, "Clinical intake for Harbor Point Health Plan members  |  Fax 555-0142  |  "
               "Form BSP-GD-3")
        d.set_text_color(0)
        d.set_y(21)

    def footer(d: Doc) -> None:
        d.set_y(-12)
        d.set_font("helvetica", "", 7)
        d.cell(0, 3.5, f"BSP-GD-3 rev. 01/2026  -  page {d.page_no()} of {{nb}}  -  "
               "incomplete sheets are returned to the prescriber", align="C")

    d = Doc(header, footer, margin=12)
    d.add_page()
    d.set_font("helvetica", "", 8.5)
    for row in ("Patient name: ______________________   DOB: ___/___/_____   Member ID: "
                "________________",
                "Prescriber: ______________________   Specialty: ______________   NPI: "
                "______________",
                "Ship to:  [ ] home   [ ] clinic   [ ] infusion center      Need-by date: "
                "___/___/_____"):
        d.cell(0, 5.5, row, new_x="LMARGIN", new_y="NEXT")
    d.ln(2)
    qw = d.width - 34

    def band(text: str) -> None:
        d.ln(1.5)
        d.set_fill_color(215, 225, 238)
        d.set_font("helvetica", "B", 9)
        d.cell(0, 6, text, fill=True, new_x="LMARGIN", new_y="NEXT")
        d.ln(1)

    def questions(root: Crit, first: int) -> int:
        d.set_font("helvetica", "B", 8.5)
        d.multi_cell(0, 4.2, root.text, new_x="LMARGIN", new_y="NEXT")
        d.ln(0.8)
        n = first
        for kid in root.kids:
            rows = [(0, kid)] if not kid.is_group else [(0, kid)] + [(1, a) for a in kid.kids]
            for lvl, node in rows:
                mark = f"{n}." if lvl == 0 else "  -"
                y = d.get_y()
                d.set_font("helvetica", "", 8.5)
                d.set_xy(d.l_margin + lvl * 6, y)
                d.cell(7, 4.2, mark)
                d.set_xy(d.l_margin + 7 + lvl * 6, y)
                d.multi_cell(qw - 7 - lvl * 6, 4.2, node.text, new_x="LMARGIN", new_y="NEXT")
                end = d.get_y()
                if not (lvl == 0 and node.is_group):
                    d.set_xy(d.l_margin + qw + 2, y)
                    d.cell(30, 4.2, "[ ] Yes   [ ] No")
                d.set_y(end + 0.8)
            n += 1
        return n

    band("PART 1 - ELIGLUSTAT (Cerdelga) 84 mg capsules - START OF THERAPY")
    eli_lead = ("Harbor Point approves 12 months only when every question in Part 1 is "
                "answered Yes:")
    eli = g("all_of", eli_lead,
            c("Does the patient have Gaucher disease type 1, confirmed by low "
              "glucocerebrosidase activity in leukocytes or two GBA1 variants?"),
            c("Is the patient 18 years of age or older?"),
            c("Has a CYP2D6 genotype been done showing an extensive, intermediate or poor "
              "metabolizer (not ultra-rapid or undetermined)?"),
            c("If the patient is an intermediate or extensive metabolizer, is he or she free of "
              "strong or moderate CYP2D6 inhibitors taken with strong or moderate CYP3A "
              "inhibitors?"),
            g("any_of", "Does the patient have disease that needs treatment, shown by at least "
              "one of the following?",
              c("hemoglobin below the lower limit of normal for age and sex"),
              c("platelets below 100 x 10^9/L"),
              c("spleen or liver enlargement on MRI or ultrasound"),
              c("bone disease: bone crises, avascular necrosis or bone marrow infiltration")))
    n = questions(eli, 1)
    band("PART 2 - ELIGLUSTAT - REFILL AUTHORIZATION (every 12 months)")
    eli_r_lead = "Renewal for 12 months needs Yes to both questions:"
    eli_r = g("all_of", eli_r_lead,
              c("Has hemoglobin, platelet count or spleen volume stayed stable or improved since "
                "eliglustat was started?"),
              c("Has an ECG been reviewed in the last 12 months without new QT prolongation or "
                "arrhythmia?"))
    n = questions(eli_r, n)
    band("PART 3 - IMIGLUCERASE (Cerezyme) IV - START OF THERAPY")
    imi_lead = "Harbor Point approves 12 months of infusions when every answer in Part 3 is Yes:"
    imi = g("all_of", imi_lead,
            c("Is Gaucher disease type 1 or type 3 confirmed by enzyme assay or GBA1 "
              "genotyping?"),
            c("Is there anemia, thrombocytopenia, organ enlargement or bone disease that the "
              "treating physician attributes to Gaucher disease?"),
            c("Is the dose at or below 60 units/kg every 2 weeks?"),
            c("Is therapy directed by a clinical geneticist, metabolic specialist or "
              "hematologist?"))
    n = questions(imi, n)
    band("PART 4 - IMIGLUCERASE - REFILL AUTHORIZATION (every 12 months)")
    imi_r_lead = "Renewal for 12 months needs Yes to both:"
    imi_r = g("all_of", imi_r_lead,
              c("Do hemoglobin, platelets or organ volumes show stability or improvement on "
                "therapy?"),
              c("Have infusions been received at least 80% of the time as scheduled over the "
                "last 6 months?"))
    questions(imi_r, n)
    band("WE CANNOT ACCEPT THE REFERRAL IF ANY OF THESE APPLY")
    excl = [
        "Eliglustat and an enzyme replacement therapy or miglustat taken together.",
        "Gaucher disease type 2 (acute neuronopathic).",
        "Eliglustat in CYP2D6 ultra-rapid metabolizers or when the genotype cannot be "
        "determined.",
        "Eliglustat in moderate or severe hepatic impairment.",
    ]
    d.set_font("helvetica", "", 8.5)
    for e in excl:
        d.cell(5, 4.4, "x")
        d.multi_cell(0, 4.4, e, new_x="LMARGIN", new_y="NEXT")
    d.ln(2)
    d.set_font("helvetica", "I", 7.5)
    d.multi_cell(0, 3.6, "Attach the enzyme or genetic report, the last CBC and the imaging "
                 "report. Prescriber signature: ______________________ Date: ___/___/_____",
                 new_x="LMARGIN", new_y="NEXT")
    inds = [
        Ind("Gaucher disease type 1 (eliglustat)", eli_lead, ["GD1"], ["E75.22"], eli,
            eli_r, eli_r_lead),
        Ind("Gaucher disease (imiglucerase)", imi_lead, ["GD1", "GD3"], ["E75.22"], imi,
            imi_r, imi_r_lead),
    ]
    return d, inds, excl

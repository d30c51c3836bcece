"""Twelfth synthetic batch, part B: a coverage policy whose ICD-10 code tables come first and
the criteria shared by every code follow each table (chronic constipation: linaclotide and
plecanatide; opioid-induced constipation: naloxegol and methylnaltrexone); and a
prior-authorization checklist whose numbered boxes run in two columns (phenylketonuria:
sapropterin and pegvaliase). Our own words, fictional plans."""

from __future__ import annotations

from payers12_a import rule
from render import Crit, Doc, Ind, Item, c, g

# =========================================================================================
# 4. ICD-10 code tables first: "Covered diagnosis codes" ruled table per condition group,
#    then "Criteria that apply to every code in Table A" with "(A1)" markers; renewal
#    "Continued coverage for Table A codes"; exclusions "Not covered for any code".
# =========================================================================================


def codes_constipation() -> tuple[Doc, list[Ind], list[str]]:
    def header(d: Doc) -> None:
        d.set_font("helvetica", "B", 9)
        d.set_text_color(20, 100, 60)
        d.set_xy(d.l_margin, 9)
        d.cell(0, 4, "Juniper Ridge Health Plan")
        d.set_font("helvetica", "", 8)
        d.set_xy(d.l_margin, 9)
        d.cell(0, 4, "Pharmacy Coverage Policy PC-GI-027", align="R")
        d.set_text_color(0)
        rule(d, 14.5, 150)
        d.set_y(19)

    def footer(d: Doc) -> None:
        d.set_y(-12)
        d.set_font("helvetica", "", 7.5)
        d.cell(0, 3.5, f"Effective 04/01/2026   Page {d.page_no()} of {{nb}}", align="C")

    d = Doc(header, footer, margin=19)
    d.add_page()
    d.set_font("helvetica", "B", 14)
    d.multi_cell(d.width, 6.5, "Prescription Drugs for Chronic Constipation",
                 new_x="LMARGIN", new_y="NEXT")
    d.para("Drugs: linaclotide (Linzess), plecanatide (Trulance), naloxegol (Movantik), "
           "methylnaltrexone tablets and injection (Relistor). How to use this policy: find "
           "the member's diagnosis code in Table A or Table B. The criteria printed under a "
           "table apply to every code in that table; all of them must be met.", size=9.5)

    def table(title: str, rows: list[list[str]]) -> None:
        d.heading(title, size=11)
        widths = [28.0, d.width - 28.0]
        d.table_head(widths, ["ICD-10-CM", "Description"])
        for r in rows:
            d.row(r)
        d.end_table()
        d.ln(2)

    def crits(tag: str, root: Crit) -> None:
        d.para(root.text, style="B")
        for k, kid in enumerate(root.kids):
            d.items([Item(0, f"({tag}{k + 1})", kid.text)], base=2, gap=0.2)
            for s in kid.kids:
                d.items([Item(1, "-", s.text)], base=4, gap=0.2)

    table("Table A - Chronic idiopathic constipation and IBS with constipation "
          "(linaclotide, plecanatide)",
          [["K59.04", "Chronic idiopathic constipation"],
           ["K58.1", "Irritable bowel syndrome with constipation"],
           ["K59.09", "Other constipation (chronic functional, adult)"]])
    a_lead = "Criteria that apply to every code in Table A (approve for 12 months):"
    cic = g("all_of", a_lead,
            c("Member is 18 years of age or older"),
            c("Symptoms have been present for at least 3 months, with fewer than three "
              "spontaneous bowel movements a week or abdominal pain relieved by defecation"),
            c("Alarm features such as rectal bleeding, weight loss or iron deficiency "
              "anemia have been evaluated, with colonoscopy when age-appropriate"),
            g("any_of", "Laxatives have been tried without success, either:",
              c("polyethylene glycol 3350 daily for at least 4 weeks"),
              c("two other laxatives from different classes, for at least 2 weeks each")),
            c("No known or suspected mechanical bowel obstruction"))
    crits("A", cic)
    ar_lead = "Continued coverage for Table A codes (12 months at a time):"
    cic_r = g("all_of", ar_lead,
              c("The prescriber reports more spontaneous bowel movements or less abdominal "
                "pain than before the drug"),
              c("No severe diarrhea needing the drug to be stopped"))
    crits("A", cic_r)
    table("Table B - Opioid-induced constipation (naloxegol, methylnaltrexone)",
          [["K59.03", "Drug induced constipation"],
           ["T40.2X5A", "Adverse effect of other opioids, initial encounter"],
           ["T40.2X5D", "Adverse effect of other opioids, subsequent encounter"]])
    b_lead = "Criteria that apply to every code in Table B (approve for 6 months):"
    oic = g("all_of", b_lead,
            c("Member is 18 years of age or older"),
            c("Member has taken opioids daily for at least 4 weeks for chronic pain and "
              "will keep taking them"),
            c("Constipation began or worsened after the opioid was started"),
            c("At least two laxatives, one of them a stimulant such as senna or bisacodyl, "
              "were used for at least 2 weeks without relief"),
            c("No known or suspected gastrointestinal obstruction or perforation"))
    crits("B", oic)
    br_lead = "Continued coverage for Table B codes (6 months at a time):"
    oic_r = g("all_of", br_lead,
              c("Member is still taking an opioid daily"),
              c("Bowel movements have become more frequent on the drug"))
    crits("B", oic_r)
    d.heading("Not covered for any code", size=11)
    excl = [
        "Members younger than 6 years (risk of serious dehydration with linaclotide and "
        "plecanatide).",
        "Constipation from a mechanical cause such as a stricture or tumor.",
        "Use of two drugs from this policy at the same time.",
        "Naloxegol with a strong CYP3A4 inhibitor such as clarithromycin or ketoconazole.",
    ]
    d.items([Item(0, "x", t) for t in excl], base=2, gap=0.2)
    d.heading("Background", size=11)
    d.para("Linaclotide and plecanatide are guanylate cyclase-C agonists. Naloxegol and "
           "methylnaltrexone are peripherally acting mu-opioid receptor antagonists that "
           "do not reverse analgesia.", size=9.5)
    inds = [
        Ind("Chronic idiopathic constipation or IBS with constipation", a_lead,
            ["CIC", "IBS-C"], ["K59.04", "K58.1", "K59.09"], cic, cic_r, ar_lead),
        Ind("Opioid-induced constipation", b_lead, ["OIC"], ["K59.03", "T40.2X5A",
            "T40.2X5D"], oic, oic_r, br_lead),
    ]
    return d, inds, excl


# =========================================================================================
# 5. Two-column numbered checklist: a PA form, each section a bold instruction line
#    ("Approve sapropterin, first 2 months: every box 1-6 must be checked"), numbered boxes
#    split left column / right column; "Box 4 is met by either ..." inside the list.
# =========================================================================================


def checklist_pku() -> tuple[Doc, list[Ind], list[str]]:
    def header(d: Doc) -> None:
        d.set_font("helvetica", "B", 10)
        d.set_xy(d.l_margin, 9)
        d.cell(0, 5, "ALDERGROVE COMMUNITY CARE  -  PRIOR AUTHORIZATION CHECKLIST")
        d.set_font("helvetica", "", 8)
        d.set_xy(d.l_margin, 9)
        d.cell(0, 5, "Form PA-771 (rev. 01/2026)", align="R")
        rule(d, 15, 0, 0.5)
        d.set_y(19)

    def footer(d: Doc) -> None:
        d.set_y(-12)
        d.set_font("helvetica", "", 7.5)
        d.cell(0, 3.5, f"Fax the checklist with chart notes to 1-877-555-0190.  Page "
               f"{d.page_no()}/{{nb}}", align="C")

    d = Doc(header, footer, margin=16)
    d.add_page()
    d.set_font("helvetica", "B", 13)
    d.cell(0, 6, "Phenylketonuria (PKU) - sapropterin and pegvaliase", new_x="LMARGIN",
           new_y="NEXT")
    d.set_font("helvetica", "", 8.5)
    d.multi_cell(d.width, 4, "Member name: ______________________   Member ID: ___________   "
                 "Prescriber: ______________________   NPI: ___________",
                 new_x="LMARGIN", new_y="NEXT")
    d.ln(2)
    col_w = (d.width - 8) / 2

    def box(x: float, y: float, num: str, text: str, w: float) -> float:
        d.rect(x, y + 0.8, 3, 3)
        d.set_font("helvetica", "B", 9)
        d.set_xy(x + 4, y)
        d.cell(6, 4.4, num)
        d.set_font("helvetica", "", 9)
        d.set_xy(x + 10, y)
        d.multi_cell(w - 10, 4.4, text, new_x="LMARGIN", new_y="NEXT")
        return d.get_y() + 1.0

    def section(title: str, lead: str, root: Crit, split: int) -> None:
        d.ln(2)
        d.set_fill_color(225)
        d.set_font("helvetica", "B", 10)
        d.cell(d.width, 6, " " + title, fill=True, new_x="LMARGIN", new_y="NEXT")
        d.ln(1)
        d.set_font("helvetica", "B", 9)
        d.multi_cell(d.width, 4.4, lead, new_x="LMARGIN", new_y="NEXT")
        d.ln(1)
        top = d.get_y()
        entries: list[tuple[str, str, int]] = []
        for k, kid in enumerate(root.kids):
            entries.append((f"{k + 1}.", kid.text, 0))
            for j, s in enumerate(kid.kids):
                entries.append((f"{k + 1}{'abc'[j]}.", s.text, 1))
        cut = sum(1 + len(kid.kids) for kid in root.kids[:split])
        bottoms = []
        for col, part in enumerate([entries[:cut], entries[cut:]]):
            x0 = d.l_margin + col * (col_w + 8)
            y = top
            for num, text, lvl in part:
                y = box(x0 + lvl * 6, y, num, text, col_w - lvl * 6)
            bottoms.append(y)
        d.set_draw_color(170)
        d.line(d.l_margin + col_w + 4, top, d.l_margin + col_w + 4, max(bottoms) - 1)
        d.set_draw_color(0)
        d.set_y(max(bottoms) + 1)

    s_lead = ("Sapropterin (Kuvan, Javygtor) - first request, approve 2 months: every "
              "numbered box below must be checked.")
    sap = g("all_of", s_lead,
            c("Diagnosis of PKU or tetrahydrobiopterin-responsive hyperphenylalaninemia"),
            c("Member is 1 month of age or older"),
            c("Blood phenylalanine above 360 µmol/L on a recent level despite diet"),
            c("Member follows a phenylalanine-restricted diet, managed by a metabolic "
              "dietitian"),
            c("Prescribed by a metabolic or genetics specialist"),
            c("Not taking pegvaliase at the same time"))
    section("SECTION A  -  SAPROPTERIN, FIRST REQUEST", s_lead, sap, 3)
    sr_lead = ("Sapropterin - continued use, approve 12 months: check every box.")
    sap_r = g("all_of", sr_lead,
              c("Blood phenylalanine fell by at least 30% from baseline during the trial"),
              c("Diet is still being followed"))
    section("SECTION B  -  SAPROPTERIN, CONTINUED USE", sr_lead, sap_r, 1)
    p_lead = ("Pegvaliase (Palynziq) - first request, approve 6 months: every numbered box "
              "below must be checked (box 4 is checked when 4a or 4b is).")
    peg = g("all_of", p_lead,
            c("Member is 18 years of age or older with PKU"),
            c("Blood phenylalanine above 600 µmol/L on current management"),
            c("Prescriber and pharmacy are enrolled in the pegvaliase REMS program"),
            g("any_of", "Sapropterin was:",
              c("tried for at least 4 weeks without a 30% fall in phenylalanine"),
              c("not tried because genotype predicts no response")),
            c("Auto-injectable epinephrine prescribed and the member trained to use it"))
    section("SECTION C  -  PEGVALIASE, FIRST REQUEST", p_lead, peg, 3)
    pr_lead = ("Pegvaliase - continued use, approve 12 months: check every box.")
    peg_r = g("all_of", pr_lead,
              c("Blood phenylalanine is 600 µmol/L or lower, or at least 20% below "
                "baseline"),
              c("Member still carries auto-injectable epinephrine"))
    section("SECTION D  -  PEGVALIASE, CONTINUED USE", pr_lead, peg_r, 1)
    d.ln(1)
    d.set_font("helvetica", "B", 9.5)
    d.cell(0, 5, "STOP - do not approve if any of these apply:", new_x="LMARGIN",
           new_y="NEXT")
    excl = [
        "Sapropterin and pegvaliase requested to be used together.",
        "Hyperphenylalaninemia from a cause other than PKU or BH4 deficiency.",
        "Pegvaliase for a member who is pregnant without a documented risk review.",
        "Sapropterin for a member whose phenylalanine did not fall during the trial.",
    ]
    d.items([Item(0, "[x]", t) for t in excl], base=2, gap=0.2)
    d.set_font("helvetica", "", 8.5)
    d.multi_cell(d.width, 4, "Prescriber signature: __________________   Date: ________",
                 new_x="LMARGIN", new_y="NEXT")
    inds = [
        Ind("Phenylketonuria (sapropterin)", s_lead, ["PKU", "hyperphenylalaninemia"],
            ["E70.0", "E70.1"], sap, sap_r, sr_lead),
        Ind("Phenylketonuria in adults (pegvaliase)", p_lead, ["PKU"], ["E70.0"], peg,
            peg_r, pr_lead),
    ]
    return d, inds, excl

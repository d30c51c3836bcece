"""Ninth synthetic batch, part B: a specialty criteria grid whose logic is a right-margin tag
on each criterion ("REQUIRED" / "OPTION") explained by a legend, emicizumab; a UK NHS
commissioning statement in the NICE technology-appraisal style, numbered recommendation
paragraphs ("1.1 ... is commissioned as an option ... only if:", "Stop ... unless") with start
and continuation criteria, long-acting cabotegravir. Our own words, fictional plans; drawn with
the first batch's layout engine (`../synthetic/render.py`) plus the helpers of part A."""

from __future__ import annotations

from payers9_a import refs, rule, text_item
from render import LINE, Crit, Doc, Ind, Item, c, g

# =========================================================================================
# 4. Criteria grid with right-margin tags: emicizumab. Each criterion is a numbered line
#    with a tag at the right edge; "REQUIRED" items must all be met, "OPTION" items in one
#    shaded band are alternatives (one is enough). No logic words in the items.
# =========================================================================================

TAG_W = 26.0


def tagged(d: Doc, n: int, text: str, tag: str, shade: bool = False) -> None:
    d.set_font("helvetica", "", 10)
    width = d.width - TAG_W - 8
    lines = d.multi_cell(width, LINE, text, dry_run=True, output="LINES")
    h = len(lines) * LINE
    if d.get_y() + h > d.page_break_trigger:
        d.add_page()
    y = d.get_y()
    if shade:
        d.set_fill_color(238, 238, 238)
        d.rect(d.l_margin, y - 0.5, d.width, h + 1, style="F")
    d.set_xy(d.l_margin, y)
    d.cell(8, LINE, f"{n}.")
    d.set_xy(d.l_margin + 8, y)
    d.multi_cell(width, LINE, text, new_x="LMARGIN", new_y="NEXT")
    end = d.get_y()
    d.set_font("helvetica", "B", 8)
    d.set_xy(d.w - d.r_margin - TAG_W, y)
    d.cell(TAG_W, LINE, tag, align="R")
    d.set_font("helvetica", "", 10)
    d.set_y(end + 1)


def grid(d: Doc, root: Crit) -> None:
    n = 0
    for kid in root.kids:
        if kid.is_group:
            for sub in kid.kids:
                n += 1
                tagged(d, n, sub.text, "OPTION", shade=True)
        else:
            n += 1
            tagged(d, n, kid.text, "REQUIRED")


def grid_emicizumab() -> tuple[Doc, list[Ind], list[str]]:
    def header(d: Doc) -> None:
        d.set_font("helvetica", "B", 9)
        d.set_text_color(150, 30, 30)
        d.set_xy(d.l_margin, 8)
        d.cell(0, 4, "Pinecrest Health Alliance", align="L")
        d.set_text_color(0)
        d.set_font("helvetica", "", 8)
        d.set_xy(d.l_margin, 8)
        d.cell(0, 4, "Specialty Drug Criteria Grid  SDG-HEM-031", align="R")
        rule(d, 13.5, 150, 0.5)
        d.set_y(18)

    def footer(d: Doc) -> None:
        d.set_y(-13)
        d.set_font("helvetica", "", 7.5)
        d.cell(0, 3.5, "Legend: REQUIRED = must be met.  OPTION = shaded alternatives; one "
               "OPTION in a request type is enough.", align="L")
        d.set_xy(d.l_margin, d.get_y() + 3.5)
        d.cell(0, 3.5, f"SDG-HEM-031 rev. 3   page {d.page_no()}", align="R")

    def band(text: str) -> None:
        d.ln(1.5)
        if d.get_y() > d.h - 55:
            d.add_page()
        d.set_font("helvetica", "B", 10)
        d.cell(0, 5.5, text, border="B", new_x="LMARGIN", new_y="NEXT")
        d.set_font("helvetica", "", 10)
        d.ln(1.5)

    d = Doc(header, footer)
    d.add_page()
    d.set_font("helvetica", "B", 14)
    d.cell(0, 7, "Emicizumab-kxwh (Hemlibra) subcutaneous", new_x="LMARGIN", new_y="NEXT")
    d.set_font("helvetica", "", 9)
    d.cell(0, 4.5, "Benefit: pharmacy (specialty)   Review cycle: annual   Last revision: "
           "11/2025", new_x="LMARGIN", new_y="NEXT")
    d.heading("Background", 11)
    d.para("Emicizumab is a bispecific antibody that bridges activated factor IX and factor X "
           "in place of missing factor VIII. It is given under the skin once weekly, every "
           "two weeks or every four weeks after four weekly loading doses of 3 mg/kg. "
           "Thrombotic microangiopathy and thrombosis have occurred when more than 100 "
           "U/kg/24 hours of activated prothrombin complex concentrate was given to patients "
           "on emicizumab.", size=9.5)
    d.heading("Reading the grid", 11)
    d.para("Every numbered line carries a tag at the right edge. All lines tagged REQUIRED "
           "in a request type must be met. Lines tagged OPTION sit together in a shaded band; "
           "one OPTION of the band is enough. Initial requests are approved for 6 months and "
           "renewals for 12 months.", size=9.5)

    d.heading("Laboratory notes", 11)
    d.para("Emicizumab makes one-stage clotting assays (aPTT and factor VIII activity) read "
           "falsely normal. Factor VIII activity must be measured with a chromogenic assay "
           "that uses bovine reagents, and inhibitor titers with a chromogenic Bethesda "
           "assay, once emicizumab has been started. A titer of 5 Bethesda units (BU) or "
           "more is high; below 0.6 BU is negative. Bleeds count as treated when a factor "
           "product or bypassing agent was given for them.", size=9.5)
    d.para("Requests must include the bleeding log for the 12 months before the request, the "
           "most recent inhibitor titer with its date, the current prophylaxis regimen and "
           "the planned emicizumab dosing interval.", size=9.5)
    d.para("Breakthrough bleeds on emicizumab are treated with factor VIII in people without "
           "an inhibitor and with recombinant factor VIIa in people with one. If activated "
           "prothrombin complex concentrate cannot be avoided, the hemophilia center sets the "
           "lowest dose that controls the bleed and watches for signs of thrombotic "
           "microangiopathy, such as falling platelets, rising LDH or kidney injury.",
           size=9.5)

    inds: list[Ind] = []
    inh = g("all_of", "",
            c("Diagnosis of congenital hemophilia A confirmed by a factor VIII activity "
              "assay"),
            g("any_of", "",
              c("Current factor VIII inhibitor titer of 5 Bethesda units or more"),
              c("History of a high-titer inhibitor (5 BU or more) with failed or declined "
                "immune tolerance induction")),
            c("Emicizumab will be used as routine prophylaxis, not to treat an acute bleed"),
            c("Routine prophylaxis with bypassing agents (aPCC or rFVIIa) will stop by the "
              "day before the first emicizumab dose"),
            c("Prescriber is a hematologist or works at a federally recognized hemophilia "
              "treatment center"))
    inh_r = g("all_of", "",
              c("Fewer treated bleeds since emicizumab was started than in the 12 months "
                "before it"),
              c("No thrombotic microangiopathy or thromboembolic event while on "
                "emicizumab"),
              c("Prescriber is a hematologist or works at a federally recognized hemophilia "
                "treatment center"))
    band("Use A - Hemophilia A WITH factor VIII inhibitors: initial request (6 months)")
    grid(d, inh)
    band("Use A - Hemophilia A WITH factor VIII inhibitors: renewal (12 months)")
    grid(d, inh_r)
    inds.append(Ind("Hemophilia A with factor VIII inhibitors", "Use A - Hemophilia A WITH "
                    "factor VIII inhibitors: initial", ["hemophilia A with inhibitors"],
                    ["D66", "D68.311"], inh, inh_r, "Use A - Hemophilia A WITH factor VIII "
                    "inhibitors: renewal"))

    non = g("all_of", "",
            c("Diagnosis of congenital hemophilia A confirmed by a factor VIII activity "
              "assay"),
            c("No current factor VIII inhibitor (titer below 0.6 Bethesda units)"),
            g("any_of", "",
              c("Severe disease: baseline factor VIII activity below 1%"),
              c("Moderate disease (factor VIII 1% to 5%) with at least one joint bleed or "
                "target joint, or a life-threatening bleed")),
            c("Routine factor VIII prophylaxis will stop once the loading doses are "
              "complete"),
            c("Prescriber is a hematologist or works at a federally recognized hemophilia "
              "treatment center"))
    non_r = g("all_of", "",
              c("Fewer treated bleeds since emicizumab was started than in the 12 months "
                "before it"),
              c("Factor VIII inhibitor testing in the past 12 months shows no new "
                "inhibitor, or a new inhibitor is being managed with the hemophilia center"),
              c("No thrombotic microangiopathy or thromboembolic event while on "
                "emicizumab"))
    band("Use B - Hemophilia A WITHOUT inhibitors: initial request (6 months)")
    grid(d, non)
    band("Use B - Hemophilia A WITHOUT inhibitors: renewal (12 months)")
    grid(d, non_r)
    inds.append(Ind("Hemophilia A without inhibitors", "Use B - Hemophilia A WITHOUT "
                    "inhibitors: initial", ["severe hemophilia A", "moderate hemophilia A"],
                    ["D66"], non, non_r, "Use B - Hemophilia A WITHOUT inhibitors: renewal"))

    band("Not covered")
    excl = ["Acquired hemophilia A or von Willebrand disease",
            "Use together with routine prophylaxis by factor VIII or a bypassing agent after "
            "the loading period",
            "Treatment of an acute bleeding episode",
            "Doses above 3 mg/kg weekly (or its every 2 or 4 week equivalent) after loading"]
    d.items([Item(0, "\u00bb", e) for e in excl])
    d.heading("Codes", 11)
    d.table_head([30, d.width - 30], ["ICD-10", "Description"])
    d.row(["D66", "Hereditary factor VIII deficiency"])
    d.row(["D68.311", "Acquired hemophilia (listed for exclusion)"])
    d.end_table()
    d.heading("References", 11)
    refs(d, ["Hemlibra (emicizumab-kxwh) prescribing information. Revised 2025.",
             "Vargas R, Holm T. Non-factor prophylaxis in hemophilia A. Hemost Pract. "
             "2024;11:14-29."])
    return d, inds, excl


# =========================================================================================
# 5. NHS commissioning statement, NICE appraisal style: cabotegravir. Numbered
#    recommendation paragraphs; "only if:" opens the start criteria, "Continue ... only if
#    at each review:" the continuation, sub-bullets with "one of the following".
# =========================================================================================


def nice_cabotegravir() -> tuple[Doc, list[Ind], list[str]]:
    def header(d: Doc) -> None:
        d.set_font("helvetica", "", 8)
        d.set_text_color(0, 94, 184)
        d.set_xy(d.l_margin, 8)
        d.cell(0, 4, "NHS Fenland and Broads Integrated Care Board", align="L")
        d.set_text_color(0)
        d.set_xy(d.l_margin, 8)
        d.cell(0, 4, "Commissioning statement CS-HIV-09", align="R")
        d.set_y(17)

    def footer(d: Doc) -> None:
        d.set_y(-13)
        d.set_font("helvetica", "", 7.5)
        d.cell(0, 3.5, "Published December 2025. Review date December 2027.", align="L")
        d.set_xy(d.l_margin, d.get_y())
        d.cell(0, 3.5, f"{d.page_no()} of {{nb}}", align="R")

    def rec(num: str, text: str) -> None:
        if d.get_y() + 2 * LINE > d.page_break_trigger:
            d.add_page()
        y = d.get_y()
        d.set_font("helvetica", "B", 10)
        d.set_xy(d.l_margin, y)
        d.cell(10, LINE, num)
        d.set_font("helvetica", "", 10)
        d.set_xy(d.l_margin + 10, y)
        d.multi_cell(d.width - 10, LINE, text, new_x="LMARGIN", new_y="NEXT")
        d.ln(1)

    def bullets(group: Crit) -> None:
        for kid in group.kids:
            text_item(d, "\u2022", kid.text, 10, marker_w=5)
            for sub in kid.kids:
                text_item(d, "-", sub.text, 16, marker_w=5)
        d.ln(1)

    d = Doc(header, footer)
    d.add_page()
    d.set_font("helvetica", "B", 15)
    d.cell(0, 8, "Long-acting injectable cabotegravir", new_x="LMARGIN", new_y="NEXT")
    d.set_font("helvetica", "", 10)
    d.cell(0, 5, "for treating HIV-1 (with rilpivirine) and for pre-exposure prophylaxis",
           new_x="LMARGIN", new_y="NEXT")
    d.ln(2)
    d.heading("1 Recommendations", 12)

    inds: list[Ind] = []
    trt = g("all_of", "Cabotegravir with rilpivirine, both as long-acting injections every 2 "
            "months, is commissioned as an option for treating HIV-1 infection in adults, "
            "only if:",
            c("the HIV-1 viral load has been below 50 copies per ml on a stable oral "
              "antiretroviral regimen for at least 6 months"),
            c("there is no known or suspected resistance to integrase inhibitors or "
              "non-nucleoside reverse transcriptase inhibitors, and no earlier virological "
              "failure on either class"),
            c("the person does not have active hepatitis B infection (hepatitis B surface "
              "antigen negative)"),
            c("the person has agreed to attend every injection appointment within 7 days of "
              "the planned date"),
            c("an HIV specialist physician in a commissioned HIV service has made the "
              "request"))
    trt_r = g("all_of", "Continue treatment only if, at each 6-monthly review:",
              c("the HIV-1 viral load stays below 50 copies per ml, or a single result "
                "below 200 copies per ml is followed by a result below 50"),
              c("no injection has been given more than 7 days late without an oral "
                "bridging plan"))
    rec("1.1", trt.text)
    bullets(trt)
    rec("1.2", trt_r.text)
    bullets(trt_r)
    rec("1.3", "Switch back to an oral regimen if either condition in 1.2 is not met. "
        "Initial and continuation approvals are for 12 months.")
    inds.append(Ind("HIV-1 infection (treatment)", "Cabotegravir with rilpivirine, both as "
                    "long-acting", ["HIV", "virologically suppressed HIV-1"], ["B20",
                    "Z21"], trt, trt_r))

    prep = g("all_of", "Cabotegravir long-acting injection every 2 months is commissioned as "
             "an option for HIV pre-exposure prophylaxis (PrEP) in adults and young people "
             "weighing at least 35 kg, only if:",
             c("a negative HIV-1 antigen/antibody test and a negative HIV-1 RNA test were "
               "taken within the 7 days before the first injection"),
             c("the person is at substantial risk of acquiring HIV through sex, as assessed "
               "in a sexual health clinic"),
             g("any_of", "oral PrEP is not suitable for one of the following reasons:",
               c("creatinine clearance below 60 ml per minute, or bone disease that rules "
                 "out tenofovir"),
               c("documented difficulty taking daily or event-based tablets despite "
                 "adherence support")),
             c("the request is made by a sexual health or HIV specialist"))
    prep_r = g("all_of", "Continue PrEP injections only if:",
               c("an HIV-1 RNA test before each injection is negative"),
               c("the person is still at substantial risk of acquiring HIV through sex"))
    rec("1.4", prep.text)
    bullets(prep)
    rec("1.5", prep_r.text)
    bullets(prep_r)
    inds.append(Ind("HIV pre-exposure prophylaxis", "Cabotegravir long-acting injection "
                    "every 2 months", ["PrEP", "HIV prevention"], ["Z20.6", "Z72.51"], prep,
                    prep_r))

    d.heading("2 Not commissioned", 12)
    d.para("This statement does not fund long-acting cabotegravir in the following "
           "circumstances:")
    excl = ["People with HIV-1 who are not virologically suppressed, including first "
            "treatment of newly diagnosed HIV",
            "People taking rifampicin, rifabutin, carbamazepine, phenytoin or St John's "
            "wort, which lower cabotegravir levels",
            "People with hepatitis B infection who are not also on treatment for it",
            "Use as post-exposure prophylaxis after a single exposure"]
    d.items([Item(0, "\u2022", e) for e in excl])
    d.heading("3 Why the committee made these recommendations", 12)
    d.para("Long-acting cabotegravir removes the need to take tablets each day. Clinical "
           "trial evidence shows it keeps the viral load suppressed as well as oral therapy "
           "in people who are already suppressed, and that as PrEP it prevents more "
           "infections than daily oral tenofovir with emtricitabine, mainly because people "
           "miss fewer doses. The cost is justified for the groups above.", size=9.5)
    d.heading("4 References", 12)
    refs(d, ["Vocabria and Rekambys summaries of product characteristics. Updated 2025.",
             "Apretude summary of product characteristics. Updated 2025.",
             "Iqbal S, Moore D. Injectable PrEP in sexual health services. Sex Health Pract. "
             "2024;6:77-90."])
    return d, inds, excl

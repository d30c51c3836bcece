"""Thirteenth synthetic batch, part A: a bilingual (English | French) exception-drug list whose
two languages run side by side (primary biliary cholangitis: obeticholic acid, elafibranor); a
one-page "criteria at a glance" card of four bordered tiles (sickle cell disease:
crizanlizumab, L-glutamine); and a claims business-rules specification written as IF / THEN
pseudo-code in a monospaced font (cinacalcet). Our own words, fictional plans."""

from __future__ import annotations

from render import Crit, Doc, Ind, c, g


def rule(d: Doc, y: float, gray: int = 120, width: float = 0.3) -> None:
    d.set_draw_color(gray)
    d.set_line_width(width)
    d.line(d.l_margin, y, d.w - d.r_margin, y)
    d.set_draw_color(0)
    d.set_line_width(0.2)


# =========================================================================================
# 1. Bilingual exception-drug list: English left column, French right column, one code per
#    request type ("Code EX-410 - ..."), the logic in the code's opening sentence.
# =========================================================================================


def _bi_lines(root: Crit) -> list[tuple[int, str, str]]:
    out: list[tuple[int, str, str]] = []
    for k, kid in enumerate(root.kids):
        out.append((0, f"{k + 1}.", kid.text))
        for j, s in enumerate(kid.kids):
            out.append((1, f"{'abcd'[j]})", s.text))
    return out


def bilingual_pbc() -> tuple[Doc, list[Ind], list[str]]:
    def header(d: Doc) -> None:
        d.set_font("helvetica", "B", 8.5)
        d.set_xy(d.l_margin, 9)
        d.cell(0, 4, "Heron Bay Drug Plan - List of Exception Drugs")
        d.set_xy(d.l_margin, 9)
        d.cell(0, 4, "Régime de Heron Bay - Liste des médicaments d'exception", align="R")
        rule(d, 14, 60, 0.4)
        d.set_y(18)

    def footer(d: Doc) -> None:
        d.set_y(-12)
        d.set_font("helvetica", "", 7.5)
        d.cell(0, 3.5, f"Update 2026-02  |  Mise à jour 2026-02  |  {d.page_no()}/{{nb}}",
               align="C")

    d = Doc(header, footer, margin=14)
    d.add_page()
    col = (d.width - 6) / 2
    xl, xr = d.l_margin, d.l_margin + col + 6

    def pair(en: str, fr: str, style: str = "", size: float = 8.5) -> None:
        top = d.get_y()
        d.set_font("helvetica", style, size)
        d.set_xy(xl, top)
        d.multi_cell(col, 3.9, en, new_x="LMARGIN", new_y="NEXT")
        y1 = d.get_y()
        d.set_xy(xr, top)
        d.multi_cell(col, 3.9, fr, new_x="LMARGIN", new_y="NEXT")
        d.set_y(max(y1, d.get_y()) + 0.8)

    def listing(en: Crit, fr: Crit) -> None:
        top = d.get_y()
        bottoms = []
        for x, root in ((xl, en), (xr, fr)):
            y = top
            d.set_font("helvetica", "B", 8.5)
            d.set_xy(x, y)
            d.multi_cell(col, 3.9, root.text, new_x="LMARGIN", new_y="NEXT")
            y = d.get_y() + 0.6
            d.set_font("helvetica", "", 8.5)
            for lvl, mark, text in _bi_lines(root):
                d.set_xy(x + 2 + lvl * 5, y)
                d.cell(5, 3.9, mark)
                d.set_xy(x + 7 + lvl * 5, y)
                d.multi_cell(col - 7 - lvl * 5, 3.9, text, new_x="LMARGIN", new_y="NEXT")
                y = d.get_y() + 0.5
            bottoms.append(y)
        d.set_draw_color(170)
        d.line(xl + col + 3, top, xl + col + 3, max(bottoms))
        d.set_draw_color(0)
        d.set_y(max(bottoms) + 2)

    def drug_band(text: str) -> None:
        d.ln(1)
        d.set_fill_color(214, 228, 240)
        d.set_font("helvetica", "B", 9.5)
        d.cell(d.width, 5.5, " " + text, fill=True, new_x="LMARGIN", new_y="NEXT")
        d.ln(1.5)

    pair("Exception drugs are paid only for the coded clinical situations below. The "
         "prescriber writes the code on the prescription or on the request form; the "
         "criteria of the code must be documented in the chart.",
         "Les médicaments d'exception sont remboursés seulement dans les situations "
         "cliniques codées ci-dessous. Le prescripteur inscrit le code sur l'ordonnance ou "
         "le formulaire; les critères du code doivent être consignés au dossier.")
    drug_band("OBETICHOLIC ACID / ACIDE OBÉTICHOLIQUE - Ocaliva, tab. / co. 5 mg, 10 mg")
    oca_lead = ("Code EX-410 - primary biliary cholangitis, first request. Authorized for "
                "12 months when all of the following are met:")
    ursod_en = g("any_of", "Ursodiol has not been enough, meaning one of:",
                 c("alkaline phosphatase still 1.67 times the upper limit of normal or "
                   "higher after at least 12 months of ursodiol at 13 to 15 mg/kg per day"),
                 c("ursodiol was stopped because of a documented intolerance"))
    oca = g("all_of", oca_lead,
            c("Diagnosis of primary biliary cholangitis supported by a positive "
              "antimitochondrial antibody test or a liver biopsy"),
            ursod_en,
            c("Ursodiol is continued with obeticholic acid, unless it was not tolerated"),
            c("No cirrhosis with decompensation or with signs of portal hypertension "
              "(varices, ascites, low platelets from hypersplenism)"),
            c("Prescribed by a hepatologist or gastroenterologist"))
    oca_fr = g("all_of", "Code EX-410 - cholangite biliaire primitive, première demande. "
               "Autorisé pour 12 mois si tous les critères suivants sont remplis :",
               c("Diagnostic de cholangite biliaire primitive appuyé par des anticorps "
                 "antimitochondries positifs ou une biopsie hépatique"),
               g("any_of", "L'ursodiol n'a pas suffi, soit :",
                 c("phosphatase alcaline encore égale ou supérieure à 1,67 fois la limite "
                   "supérieure de la normale après au moins 12 mois d'ursodiol à 13 à "
                   "15 mg/kg par jour"),
                 c("ursodiol cessé en raison d'une intolérance documentée")),
               c("L'ursodiol est poursuivi avec l'acide obéticholique, sauf intolérance"),
               c("Aucune cirrhose décompensée ni signe d'hypertension portale (varices, "
                 "ascite, plaquettes basses par hypersplénisme)"),
               c("Prescrit par un hépatologue ou un gastroentérologue"))
    listing(oca, oca_fr)
    oca_r_lead = ("Code EX-411 - primary biliary cholangitis, renewal. Authorized for 12 "
                  "months when both of the following are met:")
    oca_r = g("all_of", oca_r_lead,
              c("Alkaline phosphatase has fallen by at least 15% from the value before "
                "obeticholic acid, or is now below 1.67 times the upper limit of normal"),
              c("No new ascites, variceal bleeding or hepatic encephalopathy since the last "
                "authorization"))
    oca_r_fr = g("all_of", "Code EX-411 - cholangite biliaire primitive, renouvellement. "
                 "Autorisé pour 12 mois si les deux critères suivants sont remplis :",
                 c("Baisse d'au moins 15 % de la phosphatase alcaline depuis le début, ou "
                   "valeur maintenant inférieure à 1,67 fois la limite supérieure de la "
                   "normale"),
                 c("Aucune nouvelle ascite, hémorragie variqueuse ou encéphalopathie "
                   "hépatique depuis la dernière autorisation"))
    listing(oca_r, oca_r_fr)
    d.add_page()  # one drug per page, as the printed list does
    drug_band("ELAFIBRANOR / ÉLAFIBRANOR - Iqirvo, tab. / co. 80 mg")
    ela_lead = ("Code EX-412 - primary biliary cholangitis, first request. Authorized for "
                "12 months when all of the following are met:")
    ela = g("all_of", ela_lead,
            c("Adult, 18 years of age or older"),
            c("Primary biliary cholangitis with alkaline phosphatase at least 1.67 times the "
              "upper limit of normal despite 12 months or more of ursodiol, or ursodiol not "
              "tolerated"),
            c("Not taken together with obeticholic acid or another PPAR agonist"),
            c("A woman able to become pregnant uses effective non-hormonal contraception "
              "or a barrier method added to hormonal contraception"),
            c("Prescribed by a hepatologist or gastroenterologist"))
    ela_fr = g("all_of", "Code EX-412 - cholangite biliaire primitive, première demande. "
               "Autorisé pour 12 mois si tous les critères suivants sont remplis :",
               c("Adulte de 18 ans ou plus"),
               c("Cholangite biliaire primitive avec phosphatase alcaline d'au moins 1,67 "
                 "fois la limite supérieure de la normale malgré 12 mois ou plus d'ursodiol, "
                 "ou intolérance à l'ursodiol"),
               c("Pas pris avec l'acide obéticholique ni un autre agoniste PPAR"),
               c("Une femme pouvant devenir enceinte utilise une contraception non "
                 "hormonale efficace ou une méthode barrière en plus d'une contraception "
                 "hormonale"),
               c("Prescrit par un hépatologue ou un gastroentérologue"))
    listing(ela, ela_fr)
    ela_r_lead = ("Code EX-413 - primary biliary cholangitis, renewal. Authorized for 12 "
                  "months when both of the following are met:")
    ela_r = g("all_of", ela_r_lead,
              c("Alkaline phosphatase is lower than before elafibranor, by 15% or more"),
              c("Creatine kinase checked for muscle symptoms, with no rhabdomyolysis"))
    ela_r_fr = g("all_of", "Code EX-413 - cholangite biliaire primitive, renouvellement. "
                 "Autorisé pour 12 mois si les deux critères suivants sont remplis :",
                 c("Phosphatase alcaline plus basse qu'avant l'élafibranor, d'au moins 15 %"),
                 c("Créatine kinase vérifiée en cas de symptômes musculaires, sans "
                   "rhabdomyolyse"))
    listing(ela_r, ela_r_fr)
    drug_band("NOT COVERED / NON COUVERT")
    excl = [
        "Obeticholic acid and elafibranor, or either with seladelpar, at the same time.",
        "Cholestasis from primary sclerosing cholangitis or drug injury without primary "
        "biliary cholangitis.",
        "Decompensated cirrhosis (Child-Pugh B or C) or a past decompensation event.",
        "Itch treatment alone when the biochemical criteria are not met.",
    ]
    excl_fr = [
        "Acide obéticholique et élafibranor, ou l'un d'eux avec le séladelpar, en même "
        "temps.",
        "Cholestase due à une cholangite sclérosante primitive ou à un médicament, sans "
        "cholangite biliaire primitive.",
        "Cirrhose décompensée (Child-Pugh B ou C) ou antécédent de décompensation.",
        "Traitement du prurit seul lorsque les critères biochimiques ne sont pas remplis.",
    ]
    for en, fr in zip(excl, excl_fr, strict=True):
        pair("- " + en, "- " + fr)
    inds = [
        Ind("Primary biliary cholangitis (obeticholic acid)", oca_lead, ["PBC",
            "primary biliary cirrhosis"], ["K74.3"], oca, oca_r, oca_r_lead),
        Ind("Primary biliary cholangitis (elafibranor)", ela_lead, ["PBC"], ["K74.3"], ela,
            ela_r, ela_r_lead),
    ]
    return d, inds, excl

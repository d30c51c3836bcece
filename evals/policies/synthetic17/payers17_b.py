"""Seventeenth synthetic batch, part B: a member-facing plain-language coverage guide written
to parents in the second person (maralixibat: cholestatic itching in Alagille syndrome and
in progressive familial intrahepatic cholestasis); a position paper set out like a journal
article, criteria carrying bracketed reference numbers (crinecerfont: classic congenital
adrenal hyperplasia in adults and in children). Our own words, fictional plans."""

from __future__ import annotations

from payers17_a import _text
from render import Crit, Doc, Ind, c, g

# =========================================================================================
# 4. Member guide: question headings name the condition ("Does your child have Alagille
#    syndrome?"), "We can say yes for 6 months when all of these are true:" over ">>" lines,
#    a "one of these" sub-list with "-" lines, "To keep getting ..." renewals, and a
#    "We will not pay for ... if" box.
# =========================================================================================


def _ticks(d: Doc, root: Crit) -> None:
    for kid in root.kids:
        _text(d, ">>  " + kid.text, "", 10, 5, 5)
        for alt in kid.kids:
            _text(d, "-  " + alt.text, "", 10, 5, 14)


def member_maralixibat() -> tuple[Doc, list[Ind], list[str]]:
    def header(d: Doc) -> None:
        d.set_fill_color(40, 120, 110)
        d.rect(0, 0, d.w, 12, style="F")
        d.set_text_color(255)
        d.set_font("helvetica", "B", 9)
        d.set_xy(d.l_margin, 4)
        d.cell(0, 4, "Sunrise Family Health Plan  |  Your medicines explained")
        d.set_text_color(0)
        d.set_y(18)

    def footer(d: Doc) -> None:
        d.set_y(-13)
        d.set_font("helvetica", "", 8)
        d.cell(0, 4, f"Questions? Call Member Services at 1-800-555-0142 (TTY 711).   "
               f"Page {d.page_no()}", align="C")

    d = Doc(header, footer, margin=20)
    d.add_page()
    _text(d, "Livmarli (maralixibat) for itching caused by liver disease in children", "B",
          15, 7)
    _text(d, "This guide explains when our plan pays for Livmarli. Livmarli is a liquid or "
          "tablet taken by mouth that lowers bile acids in the blood and can ease the "
          "severe itching some children with liver disease have. Your child's doctor sends "
          "us a request, and we check it against the points below. You do not need to send "
          "anything yourself.", "", 10, 5)
    _text(d, "Does your child have Alagille syndrome?", "B", 12, 6)
    al_lead = ("We can say yes for 6 months when all of these are true:")
    al = g("all_of", al_lead,
           c("Your child is 3 months old or older."),
           c("A doctor has confirmed Alagille syndrome, by a gene test (JAG1 or NOTCH2) or "
             "by its typical signs."),
           c("Your child has itching from the liver disease that disturbs sleep or daily "
             "life, rated at least moderate by the doctor."),
           c("A blood test shows bile acids more than 3 times the upper normal limit."),
           g("any_of", "Your child has already tried one of these for the itching, and it "
             "did not help enough or caused side effects:",
             c("ursodiol (Actigall, Urso)"),
             c("cholestyramine"),
             c("rifampin")),
           c("A children's liver doctor (pediatric hepatologist or gastroenterologist) is "
             "asking for it."))
    _text(d, al_lead, "B", 10, 5)
    _ticks(d, al)
    al_c_lead = ("To keep getting Livmarli for Alagille syndrome after 6 months, we approve "
                 "12 more months at a time when both of these are true:")
    _text(d, al_c_lead, "B", 10, 5)
    al_c = g("all_of", al_c_lead,
             c("The itching is better than before Livmarli, as shown by a lower itch score "
               "or the doctor's notes."),
             c("Your child's liver tests have been checked in the last 6 months."))
    _ticks(d, al_c)
    _text(d, "Does your child have PFIC (progressive familial intrahepatic cholestasis)?",
          "B", 12, 6)
    pf_lead = ("For PFIC we can say yes for 6 months when all of these are true:")
    pf = g("all_of", pf_lead,
           c("Your child is 12 months old or older."),
           c("A gene test has confirmed PFIC (for example changes in ATP8B1, ABCB11, ABCB4, "
             "TJP2 or MYO5B)."),
           c("Your child has itching from the liver disease that has lasted at least 3 "
             "months."),
           c("Your child has not had a liver transplant and has not had surgery to divert "
             "bile (biliary diversion)."),
           c("A children's liver doctor is asking for it."))
    _text(d, pf_lead, "B", 10, 5)
    _ticks(d, pf)
    pf_c_lead = ("To keep getting Livmarli for PFIC after 6 months, we approve 12 more months "
                 "at a time when:")
    _text(d, pf_c_lead, "B", 10, 5)
    pf_c = g("all_of", pf_c_lead,
             c("The itching has improved since starting Livmarli."),
             c("Your child still has not needed a liver transplant."))
    _ticks(d, pf_c)
    _text(d, "We will not pay for Livmarli if:", "B", 12, 6)
    excl = [
        "Your child has liver disease that has become decompensated (fluid in the belly, "
        "bleeding from swollen veins, or confusion caused by the liver).",
        "Your child has PFIC from an ABCB11 change that leaves no working BSEP protein.",
        "Your child takes Bylvay (odevixibat) at the same time.",
        "The itching is caused by something other than the liver disease, such as eczema.",
    ]
    for e in excl:
        _text(d, "X  " + e, "", 10, 5, 5)
    _text(d, "If we say no, you and your child's doctor can ask us to look again. The letter "
          "we send explains how.", "I", 9.5, 5)
    inds = [
        Ind("Cholestatic pruritus in Alagille syndrome (maralixibat)", "Does your child have "
            "Alagille syndrome?", ["ALGS", "Alagille syndrome"], ["Q44.71", "L29.8"], al,
            al_c, al_c_lead),
        Ind("Cholestatic pruritus in progressive familial intrahepatic cholestasis "
            "(maralixibat)", "Does your child have PFIC", ["PFIC"], ["K76.89", "L29.8"], pf,
            pf_c, pf_c_lead),
    ]
    return d, inds, excl


# =========================================================================================
# 5. Position paper in journal form: title block, authors, a boxed abstract, numbered
#    sections; positions as "Position 2.1" paragraphs over "(a)" items each ending in
#    bracketed reference numbers; renewal positions refer back ("as in 2.1, and"); a
#    reference list at the end.
# =========================================================================================


def _cited(d: Doc, root: Crit, refs: list[str]) -> None:
    for k, kid in enumerate(root.kids):
        ref = f" [{refs[k]}]" if k < len(refs) and refs[k] else ""
        if kid.is_group:
            _text(d, f"({chr(97 + k)})  {kid.text}", "", 9.8, 4.8, 6, font="times")
            for i, alt in enumerate(kid.kids):
                _text(d, f"({['i', 'ii', 'iii'][i]})  {alt.text}", "", 9.8, 4.8, 14,
                      font="times")
        else:
            _text(d, f"({chr(97 + k)})  {kid.text}{ref}", "", 9.8, 4.8, 6, font="times")


def paper_crinecerfont() -> tuple[Doc, list[Ind], list[str]]:
    def header(d: Doc) -> None:
        d.set_font("times", "I", 8)
        d.set_xy(d.l_margin, 9)
        d.cell(0, 4, "Pacific Crest Health Cooperative - Pharmacy Position Papers 2026;4(2)")
        d.set_xy(d.l_margin, 9)
        d.cell(0, 4, "PP-2026-011", align="R")
        d.set_y(18)

    def footer(d: Doc) -> None:
        d.set_y(-13)
        d.set_font("times", "", 8.5)
        d.cell(0, 4, str(d.page_no()), align="C")

    d = Doc(header, footer, margin=22)
    d.add_page()
    _text(d, "Crinecerfont for classic congenital adrenal hyperplasia: coverage position",
          "B", 15, 7, font="times")
    _text(d, "M. Okafor, PharmD; L. Jensen, MD; Pharmacy and Therapeutics Committee", "I",
          9.5, font="times")
    top = d.get_y()
    d.set_x(d.l_margin + 3)
    _text(d, "Abstract. Crinecerfont (Crenessity) blocks the corticotropin-releasing factor "
          "type 1 receptor and lowers ACTH-driven adrenal androgen production. In two "
          "randomized trials it lowered androstenedione and allowed lower glucocorticoid "
          "doses [1,2]. This paper states when the Cooperative covers it.", "", 9.3, 4.6, 3,
          font="times")
    d.rect(d.l_margin, top - 1, d.width, d.get_y() - top + 1)
    d.ln(2)
    _text(d, "1. Background", "B", 11, 5.5, font="times")
    _text(d, "Classic congenital adrenal hyperplasia (CAH) is most often due to "
          "21-hydroxylase deficiency. Patients need lifelong glucocorticoid and usually "
          "mineralocorticoid replacement, and the doses needed to hold androgens down cause "
          "weight gain, bone loss and, in children, reduced height [3]. Crinecerfont is an "
          "add-on to glucocorticoid replacement, not a substitute for it.", font="times")
    _text(d, "2. Coverage positions", "B", 11, 5.5, font="times")
    ad_lead = ("Position 2.1 (adults). The Cooperative covers crinecerfont for adults with "
               "classic CAH for an initial 6 months when all of (a) to (e) are met.")
    _text(d, ad_lead, "", 9.8, 4.8, font="times")
    ad = g("all_of", ad_lead,
           c("The patient is 18 years of age or older."),
           c("Classic 21-hydroxylase deficiency is confirmed by CYP21A2 genetic testing or "
             "by a markedly raised 17-hydroxyprogesterone with salt wasting or virilization "
             "at birth."),
           c("Glucocorticoid replacement has been taken for at least 6 months and will be "
             "continued."),
           c("Androstenedione remains above the upper limit of normal on a morning sample "
             "taken before the glucocorticoid dose."),
           c("The prescriber is an endocrinologist."))
    _cited(d, ad, ["", "3", "1", "1", ""])
    ch_lead = ("Position 2.2 (children). For children with classic CAH the Cooperative "
               "covers crinecerfont for an initial 6 months when all of (a) to (d) are met.")
    _text(d, ch_lead, "", 9.8, 4.8, font="times")
    ch = g("all_of", ch_lead,
           c("The child is 4 years of age or older."),
           c("Classic 21-hydroxylase deficiency is confirmed as in Position 2.1 (b)."),
           g("any_of", "Disease control is poor on glucocorticoid alone, shown by either:",
             c("androstenedione above the upper limit of normal for age and sex"),
             c("a hydrocortisone-equivalent dose above 12 mg/m2 a day needed to keep "
               "androgens controlled")),
           c("The prescriber is a pediatric endocrinologist."))
    _cited(d, ch, ["", "", "2", ""])
    _text(d, "3. Renewal", "B", 11, 5.5, font="times")
    ad_c_lead = ("Position 3.1 (adults). Coverage is renewed for 12 months when both of the "
                 "following are shown.")
    _text(d, ad_c_lead, "", 9.8, 4.8, font="times")
    ad_c = g("all_of", ad_c_lead,
             c("Androstenedione has fallen from the pre-treatment value, or the "
               "glucocorticoid dose has been lowered with androstenedione kept at target."),
             c("Glucocorticoid replacement continues at a dose that covers adrenal "
               "insufficiency."))
    _cited(d, ad_c, ["1", "4"])
    ch_c_lead = ("Position 3.2 (children). Coverage is renewed for 12 months when both of "
                 "the following are shown.")
    _text(d, ch_c_lead, "", 9.8, 4.8, font="times")
    ch_c = g("all_of", ch_c_lead,
             c("Androstenedione or the glucocorticoid dose is lower than before treatment."),
             c("Growth velocity and bone age have been reviewed at least once in the last 6 "
               "months."))
    _cited(d, ch_c, ["2", "3"])
    _text(d, "4. Uses the Cooperative does not cover", "B", 11, 5.5, font="times")
    excl = [
        "Non-classic (late-onset) congenital adrenal hyperplasia.",
        "Adrenal hyperplasia from 11-beta-hydroxylase or other enzyme deficiencies.",
        "Crinecerfont used in place of glucocorticoid replacement.",
        "Use with a strong CYP3A4 inducer such as rifampin or carbamazepine without a dose "
        "change.",
    ]
    for k, e in enumerate(excl, 1):
        _text(d, f"4.{k}  {e}", "", 9.8, 4.8, 6, font="times")
    _text(d, "References", "B", 10, 5, font="times")
    for ref in [
        "1. Auchus RJ, et al. Phase 3 trial of crinecerfont in adult congenital adrenal "
        "hyperplasia. N Engl J Med. 2024;391:504-514.",
        "2. Sarafoglou K, et al. Phase 3 trial of crinecerfont in pediatric congenital "
        "adrenal hyperplasia. N Engl J Med. 2024;391:493-503.",
        "3. Speiser PW, et al. Congenital adrenal hyperplasia due to steroid 21-hydroxylase "
        "deficiency: an Endocrine Society clinical practice guideline. J Clin Endocrinol "
        "Metab. 2018;103:4043-4088.",
        "4. Crenessity (crinecerfont) prescribing information. 2024.",
    ]:
        _text(d, ref, "", 8.8, 4.3, font="times")
    inds = [
        Ind("Classic congenital adrenal hyperplasia in adults (crinecerfont)", ad_lead,
            ["CAH", "21-hydroxylase deficiency"], ["E25.0"], ad, ad_c, ad_c_lead),
        Ind("Classic congenital adrenal hyperplasia in children 4 years and older "
            "(crinecerfont)", ch_lead, ["CAH", "21-hydroxylase deficiency"], ["E25.0"], ch,
            ch_c, ch_c_lead),
    ]
    return d, inds, excl

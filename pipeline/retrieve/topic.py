"""What a case is about, in the words the sources use: the condition (names, synonyms,
abbreviations, by ICD-10 block too), the requested drug (generic, brands, other names, its
classes) and the prior therapies, from ``pipeline/data/vocabulary.yaml``.

The section questions of compose mode are built from it ("first-line treatment and
escalation of <condition>", "<drug> dose, course and monitoring", ...), and so are the
topical tests of the quotable filter and of the ranking: does a sentence name this
condition, this drug, a therapy on this condition's path, or another disease?
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from pipeline.models import Case
from pipeline.retrieve.case_conditions import _drug_of, treated_conditions
from pipeline.retrieve.case_words import (
    _asked,
    _current_therapies,
    _diagnosis_words,
    _generic,
    _inverted,
    _purpose,
    _request_words,
    manifestation_of,
)
from pipeline.retrieve.forms import _form_coded, _form_names, _mask, _names_any, active_forms
from pipeline.retrieve.procedures import procedure_questions, short_name
from pipeline.retrieve.request_qualifier import qualifier_classes
from pipeline.retrieve.requests import (
    RequestKind,
    kind_questions,
    names_other_item,
    request_kind,
    therapy_questions,
)
from pipeline.retrieve.states import State, case_states, names_state
from pipeline.terms import (
    Term,
    drug_classes,
    find_drugs,
    find_service,
    find_therapies,
    given_as,
    mentions,
    populations,
    sibling_services,
    vocabulary,
)
from pipeline.terms import first_at as _first
from pipeline.terms import term_pattern as _pattern


@dataclass
class CaseTopic:
    condition: str  # the diagnosis with its common names
    short: str  # the diagnosis as questions and summaries name it
    condition_words: tuple[str, ...]
    condition_abbrev: tuple[str, ...]
    drug: str
    drug_words: tuple[str, ...]
    drug_classes: tuple[str, ...]
    prior: list[str] = field(default_factory=list)  # prior therapies as the case names them
    prior_terms: list[Term] = field(default_factory=list)
    other_conditions: tuple[Term, ...] = ()
    request_type: str = "initial"
    other_subtypes: tuple[str, ...] = ()  # forms of the condition this case is not
    own_subtypes: tuple[str, ...] = ()  # forms of the condition its diagnosis names
    broad_classes: tuple[str, ...] = ()  # words of the broad classes above the drug's own
    other_class_words: tuple[str, ...] = ()  # words of every class the drug is not in
    drug_lineage: tuple[str, ...] = ()  # the drug's classes by name, narrowest first
    population_words: tuple[str, ...] = ()  # populations of many conditions it is one of
    population_abbrev: tuple[str, ...] = ()
    # A request that is no drug treatment of the condition (a vaccine, a test): its kind,
    # and what the questions about it name (the patient's age and current therapies).
    kind: RequestKind | None = None
    age: int | None = None
    current: tuple[str, ...] = ()
    service: Term | None = None  # the service a request that is no drug names
    purpose: str = ""  # the case's question, without "Is ... medically necessary"
    question_ask: str = ""  # the request as the question asks it, before "medically necessary"
    # conditions the question names as what a request that is no drug is for (a scan "to
    # screen for interstitial lung disease"), not the patient's diagnoses
    targets: tuple[Term, ...] = ()
    # states the patient is in that guidelines treat apart (pregnancy, heart failure)
    states: tuple[State, ...] = ()
    comorbid: tuple[str, ...] = ()  # the other diagnoses, by their short names
    relapsing: bool = False  # the record says the disease relapsed on its therapy
    active_subtypes: tuple[str, ...] = ()  # the own form the request treats (forms.py)

    def names_state(self, text: str) -> bool:
        """Names a state the patient is in ("during pregnancy", "NYHA class III")."""
        return names_state(text, self.states)

    @property
    def serves_state(self) -> bool:
        """The case's question gives the request a goal in the patient's state ("to
        protect fertility in a 23-year-old man", "for ovarian protection in a ..."), or the
        request's own line names its setting ("perioperative stress dose")."""
        goal = re.split(r"\b(?:in|for) an? \d+-year-old\b", self.purpose)[0]
        own = " ; ".join([self.drug, *self.drug_classes])
        if self.states and (self.names_state(own) or self.names_state(self.question_ask)):
            # the request's own line names it ("perioperative stress dose"), or its class
            # does (a contraceptive, for a patient coded for contraception), or the question
            # asks for it in the state ("Is continued X through an elective THA ...")
            return True
        return bool(self.states) and goal.startswith(("to ", "for ")) and self.names_state(goal)

    def names_sibling(self, text: str) -> bool:
        """Names another service of the requested one's kind (physical therapy beside
        chiropractic, chest radiography beside a CT scan)."""
        return self.service is not None and any(
            mentions(text, s.words) for s in sibling_services(self.service)
        )

    def beside_service(self, text: str, classes: bool = False) -> bool:
        """For a non-drug therapy of the condition (chiropractic): a sentence on a drug
        (or, with ``classes``, a drug class: "continuation of all DMARDs") that names
        neither the request nor its sibling therapies is the drug path's."""
        if self.service is None or self.kind is not None:
            return False
        if self.names_drug(text) or self.names_sibling(text):
            return False
        return bool(find_therapies(text) if classes else find_drugs(text))

    def for_target_patients(self, text: str) -> bool:
        """A recommendation for patients who already have the condition a test is for
        ("for people with SARD-ILD, ... monitoring"): not a case still to be screened
        ("at increased risk of developing ILD" is)."""
        for t in self.targets:
            names = "|".join(re.escape(n) for n in (*t.words, *t.abbrev))
            if re.search(rf"\bwith\s+(?:[\w]+-)?(?:{names})\b", text, re.I):
                return True
        return False

    @property
    def asked(self) -> str:
        """The request as the questions name it: a service by its names in the sources
        ("chiropractic therapy (chiropractic, spinal manipulation)"), not a claim line."""
        if self.service is None:
            return self.drug
        others = list({w.lower(): w for w in self.service.words[1:4]}.values())[:2]
        return self.service.name + (f" ({', '.join(others)})" if others else "")

    def names_other_item(self, text: str) -> bool:
        """Another item of the request's kind ("influenza vaccination" for a zoster
        vaccine), not the request."""
        if any(mentions(text, t.words, t.abbrev) for t in self.targets):
            return False  # "ILD screening tests": for what this request is for
        own = (*self.drug_words, *self.drug_classes)  # its own class is no other item
        return self.kind is not None and names_other_item(text, self.kind, own)

    def not_taken(self, text: str) -> bool:
        """For a request that is no drug (a vaccine), the sentence is about drugs the
        patient does not take ("Rituximab should be delayed ..." on methotrexate)."""
        if self.kind is None:
            return False
        drugs = {d.name for d in find_drugs(text) if not mentions(d.name, self.drug_words)}
        return bool(drugs) and not drugs & set(self.current)

    def names_kind(self, text: str) -> bool:
        """Names the kind of a request that is no drug ("vaccination" for a vaccine)."""
        return bool(self.kind) and mentions(text, self.kind.words if self.kind else ())

    def names_condition(self, text: str) -> bool:
        return mentions(text, self.condition_words, self.condition_abbrev)

    def names_population(self, text: str) -> bool:
        """Names a population the condition belongs to ("patients with RMD")."""
        return mentions(text, self.population_words, self.population_abbrev)

    def names_drug(self, text: str) -> bool:
        return mentions(text, self.drug_words)

    def names_other_subtype(self, text: str) -> bool:
        """A form of the condition the case's diagnosis does not name (oligoarthritis for
        a polyarticular case, lupus nephritis for SLE without nephritis, EGPA for GPA), and
        not the case's own form beside it ("severe GPA/MPA" is the GPA case's too). The
        other form's words are masked first: "eosinophilic granulomatosis with
        polyangiitis" names no GPA."""
        masked = _mask(text, list(self.other_subtypes))
        if masked == text:
            return False
        return not (self.own_subtypes and _names_any(masked, list(self.own_subtypes)))

    def other_form_only(self, text: str) -> bool:
        """A sentence for another form's patients that says nothing of the drug itself
        ("IL-1 inhibitors ... for systemic JIA without MAS" in an oligoarticular case; "IVIG
        only for MAS in systemic JIA" does speak of the drug)."""
        return self.names_other_subtype(text) and not self.names_drug(text)

    def names_resting_form(self, text: str) -> bool:
        """Names one of the case's own forms, but not the active one the request treats
        (the oligoarthritis recommendation beside the TMJ one, for active TMJ arthritis)."""
        if not self.active_subtypes or _names_any(text, list(self.active_subtypes)):
            return False
        return _names_any(text, list(self.own_subtypes))

    def document_fit(self, name: str) -> str:
        """How a document (by its title and file name) is about this case: "specific" (it
        names the form of the condition the diagnosis names: the lupus nephritis guideline
        for class IV lupus nephritis), "other_form" (it names only other forms: the
        oligoarthritis/systemic JIA guideline for a polyarticular case), "general" (the
        condition, no form), or "off" (not the condition)."""
        if not self.names_condition(name):
            return "off"
        if self.own_subtypes and _names_any(name, list(self.own_subtypes)):
            return "specific"
        if self.names_other_subtype(name):
            return "other_form"
        return "general"

    def names_class(self, text: str) -> bool:
        """Names the drug's own class ("TNF inhibitors"), or a broad class above it that no
        other class or drug qualifies ("bDMARD monotherapy", not "a TNFi biologic" for
        ustekinumab, nor "allopurinol as the first-line ULT" for febuxostat)."""
        own = _pattern(self.drug_classes) if self.drug_classes else None
        if own and any(not _negated_class(text, m.start()) for m in own.finditer(text)):
            return True
        broad = _pattern(self.broad_classes) if self.broad_classes else None
        for m in broad.finditer(text) if broad else ():
            near = _qualifier_of(text, m.start())
            if re.search(r"\bnon\b", near, re.I) or mentions(near, self.other_class_words):
                continue
            if any(not mentions(d.name, self.drug_words) for d in find_drugs(near)):
                continue
            if self._narrowed_away(text[m.end() :]):
                continue
            return True
        return False

    def _narrowed_away(self, after: str) -> bool:
        """ "Biologic DMARDs (IL-1 and IL-6 inhibitors)": the bracket right after a broad
        class names other classes or drugs, and not this one: the sentence is about those."""
        inside = re.match(r"\w*\s*\(([^()]{2,80})\)", after)  # after a plural's "s"
        if not inside or self.names_drug(inside.group(1)):
            return False
        text = inside.group(1)
        own = _pattern(self.drug_classes) if self.drug_classes else None
        if own and own.search(text):
            return False
        others = [d for d in find_drugs(text) if not mentions(d.name, self.drug_words)]
        return bool(others) or mentions(text, self.other_class_words)

    def names_other_condition(self, text: str) -> bool:
        """The sentence's subject is another disease: one is named, and this case's
        condition is not, or only after it ("testing for aPL ... in patients with SLE")."""
        mine = _first(text, self.condition_words, self.condition_abbrev)
        others = [_first(text, c.words, c.abbrev) for c in self.other_conditions]
        first_other = min((o for o in others if o is not None), default=None)
        return first_other is not None and (mine is None or first_other < mine)

    def tried(self, therapy: Term) -> bool:
        """The case names this therapy (or a member of its class) as tried."""
        # (every drug a prior therapy names: "adalimumab with methotrexate" tried both)
        for t in [*self.prior_terms, *(d for p in self.prior for d in find_drugs(p))]:
            if t.name == therapy.name or set(t.classes) & {therapy.name}:
                return True
        # ("intraarticular triamcinolone" is an intraarticular glucocorticoid)
        return any(mentions(p, therapy.words) or given_as(p, therapy.words) for p in self.prior)

    def questions(self) -> dict[str, list[str]]:
        """Per compose section, the questions that name this case (the condition by its
        short name: long names crowd out the therapy words)."""
        dx, drug = self.short, self.asked
        if self.kind is not None and self.kind.name == "procedure":
            # whether it is indicated now or should wait, not the drugs around it
            tried = [short_name(p) for p in self.prior]
            drugs = [d for d in self.current if d not in {"nsaid", "glucocorticoid"}]
            asked = procedure_questions(drug, dx, tried, list(self.comorbid), drugs)
            if self.purpose:
                asked["rationale"].insert(0, self.purpose)
            return asked
        if self.kind is not None:
            asked = kind_questions(self.kind, drug, dx, self.age, list(self.current))
            if self.purpose:
                # what the request is for, in the case's own words ("to screen for
                # interstitial lung disease in ... systemic sclerosis")
                asked["rationale"].insert(0, self.purpose)
                asked["position"].insert(0, f"recommend {self.purpose}")
            return asked
        if self.service is not None:
            # a non-drug therapy stands among the condition's other non-drug therapies
            siblings = [s.name for s in sibling_services(self.service)[:6]]
            return therapy_questions(drug, dx, siblings)
        prior = ", ".join(self.prior) if self.prior else "first-line therapy"
        cls = f" ({', '.join(self.drug_classes[:2])})" if self.drug_classes else ""
        asked = {
            "rationale": [
                f"first-line treatment and escalation of {dx}",
                f"{dx}: preferred initial drug, conditionally or strongly recommended over "
                "alternatives; adjunct therapy",
            ],
            "evidence": [
                f"{drug} in {dx}: studies, response, duration",
                f"{drug}{cls} for {dx} trial efficacy",
            ],
            "role": [
                f"{drug} is recommended or indicated for {dx}",
                f"{drug} not recommended, no role, only for",
            ],
            "path": [
                f"{dx} after {prior}: add or switch when the response is inadequate",
                f"{dx}: initial therapy, adequate trial, then escalation to the next drug",
            ],
            "dosing": [f"{drug} dose, course and monitoring", f"{drug} dosing interval"],
            "pitfalls": [
                f"{drug} risks; when not to use {drug} in {dx}",
                f"{drug} adverse effects, thrombosis, infection, contraindications",
            ],
            "position": [
                f"{drug}{cls} recommended for {dx}",
                f"recommend over {drug} {dx} first-line preferred",
                f"{drug} is not recommended for {dx}",
            ],
        }
        if self.relapsing:
            # a relapse has a therapy of its own in most guidelines: asked first on the path
            asked["path"].insert(0, f"{dx} relapse: treatment of relapse, {prior}")
        for state in self.states:
            # the patient's state has recommendations of its own: asked first
            on = ", ".join(self.current) if self.current else "current therapy"
            asked["rationale"].insert(0, f"{drug}{cls} {state.phrase}: recommended or against")
            asked["path"].insert(0, f"{dx} {state.phrase}: medications compatible, {on}")
            asked["pitfalls"].insert(0, f"{drug}{cls} {state.phrase}: risks, when to avoid")
            asked["position"].insert(0, f"we recommend {drug}{cls} {state.phrase}")
            if self.serves_state:  # a request for the state: its evidence is the state's
                asked["evidence"].insert(0, f"{drug}{cls} {state.phrase}: dose, complications")
        return asked


_BOUNDARY = re.compile(r"[,;:()]|\b(?:over|than|or|and|with|to|plus|versus|vs|of)\b", re.I)


def _qualifier_of(text: str, start: int) -> str:
    """The words just before a class word, back to a list or comparison boundary: what
    qualifies it ("a TNFi biologic", "allopurinol as the preferred first-line ULT")."""
    before = _BOUNDARY.split(text[max(0, start - 80) : start])[-1]
    return " ".join(before.split()[-6:])


def _negated_class(text: str, start: int) -> bool:
    """ "non-TNF inhibitor bDMARD": the class word is what the drug is not."""
    return bool(re.search(r"\bnon\s*[-‐–]?\s*$", text[max(0, start - 6) : start], re.I))


def case_topic(
    case: Case, guideline_texts: Callable[[Term], Iterable[str]] | None = None
) -> CaseTopic:
    """What the case is about; ``guideline_texts`` (a condition's own guidelines) tells
    which of several diagnoses the request is for (case_conditions.treated_conditions)."""
    drugs, conditions = vocabulary()
    t = case.requested_treatment
    drug = _drug_of(t.drug)
    # a request that is no drug, by the names sources give the service it names; it may be
    # for another condition the case's question names (a scan "to screen for interstitial
    # lung disease"): that one is no other disease
    service = find_service(t.drug) if drug is None else None
    kind = request_kind(t.drug, service.classes[0] if service else None) if drug is None else None
    mine, primary = treated_conditions(case, guideline_texts)
    targets = tuple(
        c
        for c in conditions
        if drug is None and c not in mine and mentions(case.question or "", c.words, c.abbrev)
    )
    dx_names = "; ".join(d.name for d in case.diagnoses)
    # the first diagnosis without its brackets and qualifiers ("Idiopathic aseptic necrosis
    # of left femur" of "... (femoral head collapse, secondary arthritis)")
    plain = short_name(primary.name) if primary else dx_names
    if mine:
        words = tuple(dict.fromkeys(w for c in mine for w in c.words))
        abbrev = tuple(dict.fromkeys(a for c in mine for a in c.abbrev))
        synonyms = [w for w in mine[0].words if w.lower() not in dx_names.lower()][:2]
        names = [*mine[0].abbrev[:1], *synonyms]
        label = dx_names + (f" ({', '.join(names)})" if names else "")
        # the condition as the sources name it, where the diagnosis does not
        name = mine[0].name if mine[0].name not in plain.lower() else ""
        short = plain + (
            f" ({mine[0].abbrev[0] if mine[0].abbrev else name})"
            if (mine[0].abbrev or name)
            else ""
        )
    else:
        words = _diagnosis_words([d.name for d in case.diagnoses])
        abbrev, label, short = (), dx_names, plain
    # a prior therapy by its drug, or by its class where the case names only that
    prior_terms = [found[0] for pt in case.prior_therapies if (found := find_therapies(pt.name))]
    described = f"{dx_names} " + " ".join(
        h for h in case.history if not re.search(r"\bno\b", h, re.I)
    )
    codes = [d.icd10 for d in case.diagnoses if d.icd10]
    coded = codes + [code for c in mine for code in c.icd10]
    groups = [p for p in populations() if any(c.startswith(p.icd10) for c in coded)]
    forms = [(form, _form_names(form)) for c in mine for form in c.subtypes]

    # a form named inside a longer one's name ("granulomatosis with polyangiitis" inside
    # "eosinophilic granulomatosis with polyangiitis") is not named: the longer are read first
    def named(text: str, title: bool = False) -> list[str]:  # title: names_interposed
        out = []
        for form, names in sorted(forms, key=lambda f: -max(map(len, f[1]), default=0)):
            if names and _names_any(text, names, interposed=title):
                out.append(form)
                text = _mask(text, names)
        return out

    seen, own_forms = named(_inverted(described)), named(_inverted(dx_names), True)
    other_subtypes = tuple(
        n
        for form, names in forms
        if form not in seen and form not in own_forms and not _form_coded(form, codes)
        for n in names
    )
    own_subtypes = tuple(
        n for form, names in forms if form in own_forms or _form_coded(form, codes) for n in names
    )
    own_groups = [names for form, names in forms if form in own_forms or _form_coded(form, codes)]
    texts = [d.name for d in case.diagnoses] + [case.question or ""]
    own = drug.classes if drug else ()
    known = drug_classes()
    narrow = [c for c in own if c in known and not known[c].broad]
    # The drug's class speaks of it up to the first broad class above it: "bDMARD" does for
    # adalimumab, "DMARD" (every kind of them) does not.
    broad = [c for c in own if c in known and known[c].broad][:1]
    return CaseTopic(
        condition=label,
        short=short,
        condition_words=words,
        condition_abbrev=abbrev,
        drug=t.drug if drug is None or drug.name in t.drug.lower() else f"{t.drug} ({drug.name})",
        drug_words=tuple(drug.words)
        if drug
        else tuple(
            dict.fromkeys(
                [
                    *(service.words if service else ()),
                    *_request_words(t.drug),
                    *_generic(kind, t.drug),
                ]
            )
        ),
        # (a request that is no drug: the class its name gives after a comma, "live attenuated")
        drug_classes=tuple(w for c in narrow for w in known[c].words)
        + qualifier_classes(t.drug, kind),
        broad_classes=tuple(w for c in broad for w in known[c].words),
        other_class_words=tuple(w for c in known.values() if c.name not in own for w in c.words),
        drug_lineage=tuple(own),
        prior=[p.name for p in case.prior_therapies],
        prior_terms=prior_terms,
        # a request that is no drug may be for another condition the case's question names
        # (a scan "to screen for interstitial lung disease"): that one is no other disease
        # (a manifestation of the case's condition is no other disease: NPSLE in SLE)
        other_conditions=tuple(
            c
            for c in conditions
            if c not in mine and c not in targets and not manifestation_of(c, mine)
        ),
        targets=targets,
        request_type=t.request_type,
        other_subtypes=other_subtypes,
        own_subtypes=own_subtypes,
        population_words=tuple(w for p in groups for w in p.words),
        population_abbrev=tuple(a for p in groups for a in p.abbrev),
        kind=kind,
        service=service,
        purpose=_purpose(case.question or ""),
        question_ask=_asked(case.question or ""),
        age=case.patient.age,
        current=_current_therapies(case),
        # (a procedure's setting is the request itself: no state of the patient)
        states=case_states(case, by_words=kind is None or kind.name != "procedure"),
        comorbid=tuple(
            dict.fromkeys(short_name(d.name) for d in case.diagnoses if d is not primary)
        ),
        active_subtypes=tuple(active_forms(own_groups, texts)),
        relapsing=bool(
            re.search(
                r"\brelaps",
                " ".join([*case.history, *(p.response or "" for p in case.prior_therapies)]),
                re.I,
            )
        ),
    )

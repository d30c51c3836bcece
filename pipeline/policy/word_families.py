"""Words of one family in a condition's name: "treatment-resistant depression" is a case of
"major depressive disorder", "diabetic" neuropathy one of diabetes. Only an indication's name
is read this way (an exclusion's is read as written: a family must not widen what a policy
rules out)."""

from __future__ import annotations

# The endings a condition's noun and adjective differ by (depress-ion / depress-ive,
# diabet-es / diabet-ic, anem-ia / anem-ic). Endings that make another condition of the
# same root ("psoria-sis" / "psoria-tic": plaque psoriasis is no psoriatic arthritis) are
# left out, so their words stay apart. "resist-ance" / "resist-ant": a diagnosis "Resistance
# to carbapenems" names a "carbapenem-resistant" infection.
_ENDINGS = ("ion", "ive", "ic", "ia", "es", "ance", "ant", "ence", "ent")
_MIN_STEM = 5
# a plural's "s", but not the "s" of "psoriasis", "lupus", "abscess"
_NOT_PLURAL = ("ss", "is", "us")


def family(word: str) -> str:
    """The word's root where it ends in one of the endings and enough is left; a plural is
    its singular's ("carbapenems" of "carbapenem")."""
    for ending in _ENDINGS:
        if word.endswith(ending) and len(word) - len(ending) >= _MIN_STEM:
            return word[: -len(ending)]
    if word.endswith("s") and not word.endswith(_NOT_PLURAL) and len(word) > _MIN_STEM:
        return family(word[:-1])
    return word


def shared_words(target: set[str], other: set[str]) -> set[str]:
    """The words of ``target`` that ``other`` holds, as written or by family."""
    roots = {family(w) for w in other}
    return {w for w in target if w in other or family(w) in roots}

from pathlib import Path

import pytest

from pipeline.cases import CaseError, case_facts, load_case
from pipeline.settings import load_settings

CASES = Path(__file__).resolve().parents[2] / "corpus" / "cases"


def test_env_overrides_and_flat_llm_aliases(monkeypatch, tmp_path: Path) -> None:
    monkeypatch.setenv("NECESSITY_STORE", str(tmp_path / "s"))
    monkeypatch.setenv("NECESSITY_LLM_BASE_URL", "http://127.0.0.1:9/v1")
    monkeypatch.setenv("NECESSITY_LLM_MODEL", "served-model")
    monkeypatch.setenv("NECESSITY_LLM_API_KEY", "sk-test")
    s = load_settings()
    assert s.store_path == tmp_path / "s"
    assert s.llm.base_url == "http://127.0.0.1:9/v1" and s.llm.model == "served-model"
    assert not s.is_embedded_llm
    assert "sk-test" not in str(s.public_dict())


def test_preset_file_then_env_then_arguments(monkeypatch, tmp_path: Path) -> None:
    f = tmp_path / "s.yaml"
    f.write_text("preset: fast\nretrieval:\n  top_k: 3\nllm:\n  temperature: 0.2\n")
    monkeypatch.setenv("NECESSITY_RETRIEVAL__TOP_K", "4")
    s = load_settings(f)
    assert s.llm.model == "smollm2-135m-instruct-q4_1"  # from the preset
    assert s.llm.temperature == 0.2  # from the file
    assert s.retrieval.top_k == 4  # env beats file
    assert load_settings(f, store=tmp_path / "x").store_path == tmp_path / "x"
    with pytest.raises(ValueError, match="unknown preset"):
        load_settings(preset="turbo")


def test_seed_cases_load_and_become_facts() -> None:
    jia = load_case(CASES / "ivig-jia.yaml")
    assert jia.patient.age == 14 and jia.diagnoses[0].icd10 == "M08.3"
    facts = case_facts(jia)
    assert facts[0].id == "F1" and any("M08.3" in f.text for f in facts)
    sle = load_case(CASES / "ivig-sle.yaml")
    assert sle.requested_treatment.request_type == "continuation"
    assert sle.patient.age is None


def test_malformed_case_names_file_and_fields(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text(
        "case_id: x1\npatient: {age: -3, sex: male}\ndiagnoses: []\n"
        "requested_treatment: {drug: IVIG}\nsurprise: 1\n"
    )
    with pytest.raises(CaseError) as info:
        load_case(bad)
    msg = str(info.value)
    assert str(bad) in msg
    for field in ("patient.age", "diagnoses", "surprise"):
        assert field in msg
    broken = tmp_path / "broken.json"
    broken.write_text("{not json")
    with pytest.raises(CaseError, match="not valid JSON"):
        load_case(broken)


def test_absurd_doses_are_refused_with_the_field(tmp_path: Path) -> None:
    text = (CASES / "ivig-jia.yaml").read_text().replace("dose: 70 g", "dose: 7000 g")
    bad = tmp_path / "dose.yaml"
    bad.write_text(text)
    with pytest.raises(CaseError) as info:
        load_case(bad)
    assert "requested_treatment.dose" in str(info.value) and "implausible" in str(info.value)


def test_a_typo_in_a_settings_file_is_an_error_that_names_it(tmp_path) -> None:
    from pipeline.settings import load_settings

    bad = tmp_path / "s.yaml"
    bad.write_text("retrieval:\n  top_kk: 3\n")
    with pytest.raises(ValueError, match=r"s.yaml: retrieval.top_kk: Extra inputs"):
        load_settings(bad)


def test_every_setting_is_described_and_presets_are_files() -> None:
    from pydantic import BaseModel

    from pipeline.settings import Settings, load_settings, presets

    def undescribed(model: type[BaseModel], prefix: str = "") -> list[str]:
        out = []
        for name, field in model.model_fields.items():
            if not field.description:
                out.append(prefix + name)
            kind = field.annotation
            if isinstance(kind, type) and issubclass(kind, BaseModel) and name != "filters":
                out += undescribed(kind, f"{prefix}{name}.")
        return out

    assert undescribed(Settings) == []
    assert set(presets()) == {"default", "fast", "quality"}
    fast = load_settings(preset="fast")
    assert fast.llm.model == presets()["fast"]["llm"]["model"] and fast.retrieval.top_k == 5

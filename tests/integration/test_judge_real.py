"""The trained support judge on the real MiniLM features."""

from pipeline.check.judge import SupportJudge


def test_the_trained_judge_separates_support_from_unrelated_text(real_settings) -> None:
    from pipeline.sources.embed import get_embedder

    judge = SupportJudge(get_embedder("minilm-l6-int8"))
    assert judge.model is not None, "pipeline/data/judge.json is missing"
    source = "Hydroxychloroquine is recommended for every patient with SLE."
    yes, no = judge.scores(
        [
            ("Every SLE patient should get hydroxychloroquine.", source),
            ("Knee arthroplasty should be delayed in obesity.", source),
        ]
    )
    assert yes >= judge.threshold > no

import pandas as pd

from framing.cli import main
from conftest import write_jsonl


def run(capsys, *args):
    code = main([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


def _articles(tmp_path):
    text = ("Rachel Tan said the port would reopen within weeks. Tan added that the ferries were ready. "
            "Foreign Minister Omar Haddad said talks would resume on Monday. The company said prices would rise.")
    return write_jsonl(tmp_path / "articles.jsonl", [{"id": "a1", "outlet": "Gazette", "text": text},
                                                    {"id": "a2", "outlet": "Courier", "text": "Rachel Tan said the port was calm."}])


def test_speakers_lists_who_is_quoted_and_writes_a_template(capsys, tmp_path, small_model_path):
    corpus = _articles(tmp_path)
    code, out, err = run(capsys, "speakers", corpus, "--model", small_model_path, "--by", "outlet", "--format", "csv",
                         "-o", tmp_path / "speakers.csv", "--actors-template", tmp_path / "people.yaml")
    assert code == 0, err
    table = pd.read_csv(tmp_path / "speakers.csv")
    tan = table[table["speaker"] == "Rachel Tan"].iloc[0]
    assert (tan["sentences"], tan["articles"], tan["outlets"], tan["source_type"]) == (2, 2, 2, "other")
    assert table[table["speaker"] == "Foreign Minister Omar Haddad"]["source_type"].tolist() == ["official"]
    assert "typed 'other' -> " in err
    template = (tmp_path / "people.yaml").read_text("utf-8")
    assert "en: [Rachel Tan, Tan]" in template and "company" not in template
    # the researcher sets the group, and scoring with the file types her
    (tmp_path / "people.yaml").write_text(template.replace("source_type: other", "source_type: expert"), "utf-8")
    code, out, err = run(capsys, "speakers", corpus, "--model", small_model_path, "--actors", tmp_path / "people.yaml",
                         "--type", "expert", "--format", "jsonl")
    assert code == 0, err
    assert "Rachel Tan" in out and "Omar Haddad" not in out


def test_speakers_never_replaces_a_template_and_names_bad_options(capsys, tmp_path, small_model_path):
    corpus = _articles(tmp_path)
    kept = tmp_path / "people.yaml"
    kept.write_text("# my edits\n", "utf-8")
    code, _, err = run(capsys, "speakers", corpus, "--model", small_model_path, "--actors-template", kept)
    assert code == 1 and "never replaces a file" in err
    assert kept.read_text("utf-8") == "# my edits\n"
    code, _, err = run(capsys, "speakers", corpus, "--model", small_model_path, "--type", "pundit")
    assert code == 1 and "--type 'pundit' is not one of official" in err
    code, _, err = run(capsys, "speakers", corpus, "--model", small_model_path, "--min", "0")
    assert code == 1 and "min_sentences must be at least 1" in err


def test_compare_and_speakers_take_plain_article_files(capsys, tmp_path, small_model_path):
    article = tmp_path / "gazette.txt"
    article.write_text("Port reopens\n\nRachel Tan said the port would reopen within weeks.\n", "utf-8")
    code, out, err = run(capsys, "speakers", article, "--model", small_model_path, "--format", "jsonl")
    assert code == 0, err
    assert '"speaker": "Rachel Tan"' in out
    other = tmp_path / "courier.txt"
    other.write_text("Port stays shut\n\nOfficials said the port would stay shut.\n", "utf-8")
    code, out, err = run(capsys, "compare", article, other, "--by", "article_id", "--model", small_model_path,
                         "--n-boot", "100", "--n-perm", "99")
    assert code == 0, err  # .txt articles are scored first, as corpus files are
    assert "compared 2 articles" in err

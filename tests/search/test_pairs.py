"""The numbers the search index holds for a text: pairs inside words, and the pair across each single space."""

from search.index import SPACE_MARK, TITLE_MARK, space_pairs, tokens, word_pairs


def pair(a, b, mark=0):
    return (ord(a) << 21) | ord(b) | mark


def bigrams(text, mark=0):
    """Both kinds, as search_bigrams() returns them."""
    return word_pairs(text, mark) | space_pairs(text, mark)


def test_a_phrase_holds_the_letters_either_side_of_its_space():
    assert bigrams("버스 노선") == {pair("버", "스"), pair("노", "선"), pair("스", "노", SPACE_MARK)}


def test_only_one_plain_space_joins_two_words():
    # two spaces, a tab, a line break: no pair across; an ideographic space is a letter like any other
    assert bigrams("가  나") == bigrams("가\t나") == bigrams("가\n나") == set()
    assert bigrams("가\u3000나") == {pair("가", "\u3000"), pair("\u3000", "나")}


def test_title_pairs_carry_both_marks():
    assert bigrams("가 나", TITLE_MARK) == {pair("가", "나", SPACE_MARK | TITLE_MARK)}


def test_pairs_inside_words_and_across_a_space_go_to_their_own_columns():
    assert word_pairs("버스 노선") == {pair("버", "스"), pair("노", "선")}
    assert space_pairs("버스 노선") == {pair("스", "노", SPACE_MARK)}
    assert tokens("노선", "버스 노선") == (
        {pair("버", "스"), pair("노", "선"), pair("노", "선", TITLE_MARK)},
        {pair("스", "노", SPACE_MARK)},
    )

package nendo.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SynonymsTest {
    @Test
    void bundledFileLoadsAndExpandsBothWays() {
        Synonyms s = Synonyms.bundled();
        assertEquals(List.of("国民健康保険"), s.alternatives("国保"));
        assertEquals(List.of("国保"), s.alternatives("国民健康保険"));
        assertEquals(List.of("子供", "こども"), s.alternatives("子ども"));
        assertEquals(List.of("デジタルトランスフォーメーション"), s.alternatives("ＤＸ"), "full-width folds to DX");
        assertEquals(List.of("デジタルトランスフォーメーション"), s.alternatives("dx"), "case folds");
        assertEquals(List.of(), s.alternatives("防災"));
        assertEquals(s.alternatives("スマホ"), s.alternatives("すまほ"), "hiragana is the katakana word");
        assertEquals(true, s.alternatives("すまほ").contains("スマートフォン"));
        for (String typed : List.of("ライフ・ワーク・バランス", "ライフワークバランス", "ワーク・ライフ・バランス")) {
            assertEquals(true, s.alternatives(typed).contains(typed.contains("ワーク・ライフ") ? "ライフワークバランス" : "ワークライフバランス"),
                    typed + ": a middle dot between kana is written or left out");
        }
    }

    static Stream<Arguments> mistakes() {
        return Stream.of(
                Arguments.of("a,b\nc", "synonyms.txt:2: 同義語は二語以上"),
                Arguments.of("# note\na,,b", "synonyms.txt:2: 空の語"),
                Arguments.of("a,b\nb,c", "synonyms.txt:2: 'b' は 1 行目にも"),
                Arguments.of("a,a", "synonyms.txt:1: 同じ語が二度"),
                Arguments.of("ＤＸ,dx", "synonyms.txt:1: 同じ語が二度"),
                Arguments.of("ワーク・ライフ,ワークライフ", "synonyms.txt:1: 同じ語が二度"),
                Arguments.of("a b,c", "synonyms.txt:1: 語に空白"));
    }

    @ParameterizedTest
    @MethodSource("mistakes")
    void mistakesNameTheLine(String text, String expectedStart) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Synonyms.parse("synonyms.txt", text));
        assertEquals(true, e.getMessage().startsWith(expectedStart), e.getMessage());
    }
}

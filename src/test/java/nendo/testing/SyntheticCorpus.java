package nendo.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Writes a large, valid corpus in the format of {@code corpus/README.md}: fictional organizations
 * ({@code 合成市01}…), six fiscal years each, departments with a mission paragraph and measures
 * composed from a vocabulary. Seeded, so a seed always gives the same bytes. Some documents carry a
 * verbatim {@code original:} text file, and some are stored as Shift_JIS (Windows-31J), so that
 * "the corpus is untouched" covers every kind of file the reader opens (and a README and a hidden file
 * that it skips).
 */
public final class SyntheticCorpus {
    /** What was written: files of each kind and the counts a clean build must report. */
    public record Summary(int documents, int measures, int missions, int originals, int shiftJis) {}

    private static final int FIRST_YEAR = 2019;
    private static final int YEARS = 6;

    private static final String[] DEPARTMENTS = {
        "企画部", "総務部", "市民部", "健康福祉部", "子ども政策部", "都市整備部", "生活環境部", "教育部",
        "産業振興部", "危機管理部", "スポーツと文化部", "上下水道部", "会計管理室", "議会事務局",
    };
    private static final String[] GOALS = {
        "地域防災力の強化", "子育て世帯の負担軽減", "高齢者の見守り体制の充実", "行政手続のオンライン化",
        "脱炭素社会の実現", "公共施設の長寿命化", "地域経済の活性化", "健康寿命の延伸", "学力の向上",
        "空き家対策の推進", "交通安全の確保", "多文化共生の推進", "財政基盤の強化", "ごみの減量と資源化",
        "待機児童の解消", "障がい者の就労支援", "商店街のにぎわい創出", "緑の保全と創出",
        "災害時の受援体制の確認", "職員のライフ・ワーク・バランスの推進", "図書館サービスの充実",
        "感染症対策の徹底", "データに基づく政策立案", "市民協働のまちづくり",
    };
    private static final String[] PARTNERS = {
        "町会・自治会", "商工会", "大学", "医師会", "社会福祉協議会", "消防署", "警察署", "NPO法人",
        "民間事業者", "近隣自治体", "東京都", "国", "地域包括支援センター", "学校", "保育園",
    };
    private static final String[] OBJECTS = {
        "避難所運営マニュアル", "子ども食堂", "見守りネットワーク", "電子申請システム", "太陽光発電設備",
        "橋梁", "公園施設", "プレミアム付商品券", "健康診査", "タブレット端末", "空き店舗", "通学路",
        "日本語教室", "市税の電子納付", "ごみ収集ルート", "一時預かり事業", "就労支援窓口", "駅前広場",
        "街路樹", "防災行政無線", "ワクチン接種体制", "統計データ", "地域ポイント制度", "コミュニティバス",
    };
    private static final String[] ACTIONS = {
        "整備", "見直し", "拡充", "導入", "更新", "改修", "周知", "検証", "運営", "再編", "点検", "支援",
    };
    private static final String[] ENDINGS = {
        "を進めます。", "に取り組みます。", "を図ります。", "を推進します。", "を実施します。", "を検討します。",
    };
    private static final String[] MISSIONS = {
        "市民の生命と財産を守るため、関係機関と連携して危機管理体制を充実させます。",
        "市民に最も身近な窓口として、正確で迅速なサービスを提供します。",
        "誰もが住み慣れた地域で安心して暮らせるよう、支え合いの仕組みをつくります。",
        "安全で快適な都市空間の形成に向け、計画的な基盤整備と維持管理に取り組みます。",
        "子どもの最善の利益を第一に、妊娠期から切れ目のない支援を行います。",
        "限られた経営資源を生かし、効率的で持続可能な行財政運営を進めます。",
    };

    private SyntheticCorpus() {}

    /** Writes {@code files} plan files (six years per organization) under {@code root}. */
    public static Summary write(Path root, int files, long seed) throws IOException {
        Random random = new Random(seed);
        Files.createDirectories(root);
        // Files the reader skips must be left alone as well.
        Files.writeString(root.resolve("README.md"), "# 合成コーパス\n\n試験用に生成したファイルです（seed " + seed + "）。\n");
        Files.writeString(root.resolve(".editor-notes"), "hidden file, not a document\n");
        int documents = 0, measures = 0, missions = 0, originals = 0, shiftJis = 0;
        for (int n = 0; n < files; n++) {
            int org = n / YEARS + 1;
            int year = FIRST_YEAR + n % YEARS;
            String slug = String.format(Locale.ROOT, "gosei%02d", org);
            String orgName = String.format(Locale.ROOT, "合成市%02d", org);
            Path folder = root.resolve(slug);
            Files.createDirectories(folder);

            List<String> depts = pickDepartments(random);
            StringBuilder body = new StringBuilder();
            StringBuilder plain = new StringBuilder();
            StringBuilder resources = new StringBuilder("resources:\n");
            for (String dept : depts) {
                resources.append("  ").append(dept).append(": {staff: ").append(20 + random.nextInt(200))
                        .append(", budget: ").append(100000 + random.nextInt(20000000)).append("}\n");
                body.append("\n## ").append(dept).append("\n\n");
                plain.append(dept).append('\n');
                if (random.nextInt(4) != 0) {
                    String mission = MISSIONS[random.nextInt(MISSIONS.length)];
                    body.append(mission).append("\n\n");
                    plain.append(mission).append('\n');
                    missions++;
                }
                int count = 2 + random.nextInt(3);
                for (int m = 0; m < count; m++) {
                    String text = measure(random, orgName);
                    // Every fifth measure wraps onto a continuation line, as long measures do.
                    if (m % 5 == 4 && text.length() > 20) {
                        body.append("- ").append(text, 0, 20).append("\n  ").append(text.substring(20)).append('\n');
                    } else {
                        body.append("- ").append(text).append('\n');
                    }
                    plain.append('●').append(text).append('\n');
                    measures++;
                }
            }
            boolean withOriginal = n % 7 == 3;
            boolean inShiftJis = n % 23 == 11;
            String era = year == 2019 ? "令和元年度" : "令和" + (year - 2018) + "年度";
            String title = era + "「各部の運営方針と目標」";
            StringBuilder text = new StringBuilder()
                    .append("---\n")
                    .append("# 開発用の合成データ（SyntheticCorpus, seed ").append(seed).append("）\n")
                    .append("id: ").append(slug).append('-').append(year).append('\n')
                    .append("organization: ").append(orgName).append('\n')
                    .append("fiscalYear: ").append(year).append('\n')
                    .append("series: 各部の運営方針と目標\n")
                    .append("title: ").append(title).append('\n')
                    .append("source: 試験用の合成データ（実在の自治体とは関係ありません）\n")
                    .append("sample: true\n");
            if (withOriginal) {
                text.append("original: ").append(year).append(".original.txt\n");
                Files.writeString(folder.resolve(year + ".original.txt"),
                        title + "\n\n" + orgName + "\n" + plain, StandardCharsets.UTF_8);
                originals++;
            }
            text.append("intro: >-\n  ").append(orgName).append("の").append(title)
                    .append("です。各部の使命・目標と経営資源を踏まえ、今年度の主要事業を定めました。\n")
                    .append("contact: ").append(orgName).append(" 企画部 企画調整課 内線").append(1000 + random.nextInt(9000))
                    .append('\n')
                    .append(resources)
                    .append("---\n")
                    .append(body);
            Charset charset = inShiftJis ? Charset.forName("Windows-31J") : StandardCharsets.UTF_8;
            if (inShiftJis) shiftJis++;
            Files.write(folder.resolve(year + ".md"), text.toString().getBytes(charset));
            documents++;
        }
        return new Summary(documents, measures, missions, originals, shiftJis);
    }

    private static List<String> pickDepartments(Random random) {
        List<String> all = new ArrayList<>(List.of(DEPARTMENTS));
        java.util.Collections.shuffle(all, random);
        return all.subList(0, 3 + random.nextInt(4));
    }

    private static String measure(Random random, String org) {
        String goal = GOALS[random.nextInt(GOALS.length)];
        String partner = PARTNERS[random.nextInt(PARTNERS.length)];
        String object = OBJECTS[random.nextInt(OBJECTS.length)];
        String action = ACTIONS[random.nextInt(ACTIONS.length)];
        String ending = ENDINGS[random.nextInt(ENDINGS.length)];
        return switch (random.nextInt(4)) {
            case 0 -> goal + "に向け、" + partner + "と連携し、" + object + "の" + action + ending;
            case 1 -> "『" + org + object + "計画』に基づき、" + goal + "のため" + object + "の" + action + ending;
            case 2 -> partner + "と協力して" + object + "を" + action + "するとともに、" + goal + ending;
            default -> "「" + object + "」の" + action + "により、" + goal + "と"
                    + GOALS[random.nextInt(GOALS.length)] + ending;
        };
    }

    /** SHA-256 of every file under {@code root} (hidden files too), keyed by relative path. */
    public static Map<String, String> hashes(Path root) {
        Map<String, String> hashes = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                MessageDigest sha = MessageDigest.getInstance("SHA-256");
                hashes.put(root.relativize(file).toString(), HexFormat.of().formatHex(sha.digest(Files.readAllBytes(file))));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        return hashes;
    }
}

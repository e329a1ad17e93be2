package cn.gov.qinghai.demodata;

import cn.gov.qinghai.kit.identity.ResidentId;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;

/**
 * Made-up people: names from common surnames and given-name characters, identity numbers that pass GB 11643 (the
 * check character is kit's) with sequence codes from 900 up, so they cannot be mistaken for a test's or a real
 * registry's usual ranges. Everything comes from the caller's seeded Random: the same seed, the same people.
 */
final class People {

    private final Random random;
    private final Set<String> used = new HashSet<>();

    People(Random random) {
        this.random = random;
    }

    /** A new person's identity number: {@link #idNumber} with the first serial not yet handed out. */
    String newId(String county, int age, boolean male) {
        LocalDate birth = birthForAge(random, age);
        for (int serial = 0; ; serial++) {
            String id = idNumber(county, birth, serial, male);
            if (used.add(id)) {
                return id;
            }
        }
    }

    String name() {
        return name(random);
    }

    private static final String SURNAMES = "王李张刘陈杨赵黄周吴徐孙马朱胡郭何高林罗韩才索多扎桑";
    private static final String GIVEN = "明华英兰军芳建国玉梅海燕德永卓玛措吉才让秀珍志强丽娟文学";

    static String name(Random random) {
        StringBuilder b = new StringBuilder().append(SURNAMES.charAt(random.nextInt(SURNAMES.length())));
        int given = random.nextInt(3) == 0 ? 1 : 2;
        for (int i = 0; i < given; i++) {
            b.append(GIVEN.charAt(random.nextInt(GIVEN.length())));
        }
        return b.toString();
    }

    /**
     * An identity number of {@code county}, born on {@code birth}, with the {@code serial}-th sequence code of that
     * county and birth date (900..999; odd = male, even = female per GB 11643).
     */
    static String idNumber(String county, LocalDate birth, int serial, boolean male) {
        int seq = 900 + (serial * 2 % 100) + (male ? 1 : 0);
        String first17 = county
                + String.format("%04d%02d%02d", birth.getYear(), birth.getMonthValue(), birth.getDayOfMonth())
                + String.format("%03d", seq);
        return first17 + ResidentId.checkCharacter(first17);
    }

    /** A birth date making someone {@code age} on 2017-06-16, on a day drawn from the year. */
    static LocalDate birthForAge(Random random, int age) {
        return LocalDate.of(2017, 6, 16).minusYears(age).minusDays(random.nextInt(360));
    }
}

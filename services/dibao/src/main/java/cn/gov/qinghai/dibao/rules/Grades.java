package cn.gov.qinghai.dibao.rules;

import java.util.List;

/** Reads a list of disability grades ("1", "2") from a parameter value. */
final class Grades {
    private Grades() {}

    static boolean contains(Object list, Integer grade) {
        if (grade == null || !(list instanceof List<?> grades)) {
            return false;
        }
        return grades.stream().anyMatch(g -> String.valueOf(grade).equals(String.valueOf(g)));
    }
}

package cn.gov.qinghai.gateway.dibao;

/** Test access to {@link DibaoPages#formField}, which stays package-private. */
public final class DibaoPagesPaths {
    private DibaoPagesPaths() {}

    public static String formField(String path) {
        return DibaoPages.formField(path);
    }
}

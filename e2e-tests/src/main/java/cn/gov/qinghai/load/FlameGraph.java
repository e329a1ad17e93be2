package cn.gov.qinghai.load;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

/**
 * A flame graph from a JFR recording (e.g. {@code bin/bench --jfr /tmp/gw.jfr}) with the JDK alone: reads the CPU
 * samples ({@code jdk.ExecutionSample}) through {@code jdk.jfr.consumer}, writes the collapsed stacks ("a;b;c n", the
 * format other flame-graph tools read) and a self-contained SVG (hover a frame for its samples and share), and
 * prints the frames with the most samples on the stack and on top of it. Each stack starts with its thread's name
 * (digits replaced by #), so the event loops, the gRPC threads and the JIT's own work stay apart.
 *
 * <pre>
 * java e2e-tests/src/main/java/cn/gov/qinghai/load/FlameGraph.java /tmp/gw.jfr docs/gateway-flame.svg "title"
 * </pre>
 */
public final class FlameGraph {

    private static final int WIDTH = 1200;
    private static final int ROW = 16;
    private static final int TOP = 40;

    /** One frame of the merged call tree: samples with this frame on the stack at this path. */
    private static final class Node {
        final String name;
        final Map<String, Node> children = new LinkedHashMap<>();
        long total;

        Node(String name) {
            this.name = name;
        }

        Node child(String n) {
            return children.computeIfAbsent(n, Node::new);
        }

        int depth() {
            int d = 0;
            for (Node c : children.values()) {
                d = Math.max(d, c.depth());
            }
            return d + 1;
        }
    }

    private FlameGraph() {}

    public static void main(String[] args) throws IOException {
        if (args.length < 2) {
            System.err.println("usage: FlameGraph <recording.jfr> <out.svg> [title]");
            System.exit(2);
        }
        Path jfr = Path.of(args[0]);
        Path svg = Path.of(args[1]);
        String title = args.length > 2 ? args[2] : "CPU samples of " + jfr.getFileName();
        Map<String, Long> collapsed = collapse(jfr);
        Node root = new Node("all");
        Map<String, Long> self = new HashMap<>();
        Map<String, Long> inclusive = new HashMap<>();
        for (Map.Entry<String, Long> e : collapsed.entrySet()) {
            String[] frames = e.getKey().split(";");
            long n = e.getValue();
            root.total += n;
            Node at = root;
            java.util.Set<String> seen = new java.util.HashSet<>();
            for (int i = 0; i < frames.length; i++) {
                at = at.child(frames[i]);
                at.total += n;
                if (i > 0 && seen.add(frames[i])) { // recursion counts once; frame 0 is the thread
                    inclusive.merge(frames[i], n, Long::sum);
                }
            }
            self.merge(frames[frames.length - 1], n, Long::sum);
        }
        Path folded = Path.of(svg.toString().replaceFirst("\\.svg$", "") + ".collapsed");
        try (Writer w = Files.newBufferedWriter(folded, StandardCharsets.UTF_8)) {
            for (Map.Entry<String, Long> e : collapsed.entrySet()) {
                w.write(e.getKey() + " " + e.getValue() + "\n");
            }
        }
        writeSvg(root, svg, title);
        System.out.printf("%d samples; %s, %s%n", root.total, svg, folded);
        print("threads", threads(root), root.total, 10);
        print("on the stack (inclusive)", inclusive, root.total, 40);
        print("on top of the stack (self)", self, root.total, 30);
    }

    /** Collapsed stacks ("thread;outer;…;inner" → samples) of every execution sample. */
    static Map<String, Long> collapse(Path jfr) throws IOException {
        Map<String, Long> stacks = new HashMap<>();
        try (RecordingFile file = new RecordingFile(jfr)) {
            while (file.hasMoreEvents()) {
                RecordedEvent e = file.readEvent();
                if (!e.getEventType().getName().equals("jdk.ExecutionSample")) {
                    continue;
                }
                RecordedStackTrace trace = e.getStackTrace();
                if (trace == null) {
                    continue;
                }
                StringBuilder sb = new StringBuilder();
                String thread = e.getThread("sampledThread") == null
                        ? "?"
                        : e.getThread("sampledThread").getJavaName();
                sb.append(thread == null ? "?" : thread.replaceAll("[0-9]+", "#"));
                if (trace.isTruncated()) {
                    sb.append(";[truncated]");
                }
                List<RecordedFrame> frames = trace.getFrames();
                for (int i = frames.size() - 1; i >= 0; i--) {
                    RecordedFrame f = frames.get(i);
                    sb.append(';')
                            .append(f.getMethod().getType().getName())
                            .append('.')
                            .append(f.getMethod().getName());
                }
                stacks.merge(sb.toString().replace(' ', '_'), 1L, Long::sum);
            }
        }
        return stacks;
    }

    private static Map<String, Long> threads(Node root) {
        Map<String, Long> m = new HashMap<>();
        for (Node c : root.children.values()) {
            m.put(c.name, c.total);
        }
        return m;
    }

    private static void print(String what, Map<String, Long> counts, long total, int limit) {
        System.out.println("-- " + what);
        counts.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .limit(limit)
                .forEach(e -> System.out.printf(
                        Locale.ROOT, "%6.1f %%  %6d  %s%n", 100.0 * e.getValue() / total, e.getValue(), e.getKey()));
    }

    private static void writeSvg(Node root, Path svg, String title) throws IOException {
        int height = TOP + root.depth() * ROW + 10;
        StringBuilder sb = new StringBuilder();
        sb.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
                .append(String.format(
                        Locale.ROOT,
                        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" "
                                + "font-family=\"monospace\" font-size=\"11\">%n",
                        WIDTH,
                        height))
                .append("<rect width=\"100%\" height=\"100%\" fill=\"#fdfdf6\"/>\n")
                .append(String.format(
                        Locale.ROOT,
                        "<text x=\"%d\" y=\"18\" font-size=\"15\" text-anchor=\"middle\">%s</text>%n",
                        WIDTH / 2,
                        escape(title)))
                .append(String.format(
                        Locale.ROOT,
                        "<text x=\"10\" y=\"34\" fill=\"#555\">%d CPU samples; width = share of samples, bottom ="
                                + " thread, upwards = callees; hover for numbers</text>%n",
                        root.total));
        draw(sb, root, 0, WIDTH, height - 10 - ROW, root.total);
        sb.append("</svg>\n");
        Files.writeString(svg, sb.toString(), StandardCharsets.UTF_8);
    }

    private static void draw(StringBuilder sb, Node node, double x, double w, int y, long all) {
        if (w < 1.0) { // narrower than a pixel: invisible, and it would only grow the file
            return;
        }
        String label =
                String.format(Locale.ROOT, "%s (%d samples, %.2f %%)", node.name, node.total, 100.0 * node.total / all);
        sb.append(String.format(
                Locale.ROOT,
                "<g><title>%s</title><rect x=\"%.2f\" y=\"%d\" width=\"%.2f\" height=\"%d\" fill=\"%s\" "
                        + "stroke=\"#fff\" stroke-width=\"0.5\"/>",
                escape(label),
                x,
                y,
                w,
                ROW - 1,
                colour(node.name)));
        int chars = (int) (w / 7);
        if (chars >= 3) {
            String text = node.name.length() <= chars ? node.name : node.name.substring(0, chars - 2) + "..";
            sb.append(String.format(
                    Locale.ROOT, "<text x=\"%.2f\" y=\"%d\">%s</text>", x + 2, y + ROW - 4, escape(text)));
        }
        sb.append("</g>\n");
        double cx = x;
        List<Node> kids = new ArrayList<>(node.children.values());
        kids.sort(Comparator.comparing(n -> n.name));
        for (Node c : kids) {
            double cw = w * c.total / node.total;
            draw(sb, c, cx, cw, y - ROW, all);
            cx += cw;
        }
    }

    /** Colour by where the code lives: ours red, Netty yellow, gRPC green, Micronaut blue, the JDK orange. */
    private static String colour(String frame) {
        int h = Math.abs(frame.hashCode() % 20);
        if (frame.startsWith("cn.gov.qinghai.")) {
            return "rgb(230," + (80 + h) + "," + (70 + h) + ")";
        } else if (frame.startsWith("io.netty.")) {
            return "rgb(235," + (200 + h) + ",90)";
        } else if (frame.startsWith("io.grpc.") || frame.startsWith("com.google.protobuf.")) {
            return "rgb(" + (110 + h) + ",200,110)";
        } else if (frame.startsWith("io.micronaut.")) {
            return "rgb(" + (110 + h) + ",160,230)";
        } else if (frame.startsWith("java.") || frame.startsWith("jdk.") || frame.startsWith("sun.")) {
            return "rgb(245," + (150 + h) + ",80)";
        }
        return "rgb(" + (180 + h) + "," + (180 + h) + "," + (180 + h) + ")";
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}

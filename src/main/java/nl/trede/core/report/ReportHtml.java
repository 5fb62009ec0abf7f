package nl.trede.core.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import nl.trede.core.evaluation.BinaryMetrics.CalibrationBin;
import nl.trede.core.evaluation.PolicyValue;
import nl.trede.core.report.EvaluationReport.DistanceMetrics;
import nl.trede.core.report.EvaluationReport.EffectSection;
import nl.trede.core.report.EvaluationReport.GroupMetrics;
import nl.trede.core.report.EvaluationReport.PolicyResult;
import nl.trede.core.report.EvaluationReport.ProxyResult;
import nl.trede.core.report.EvaluationReport.QiniPoint;
import nl.trede.core.report.EvaluationReport.RateRatio;

/**
 * Renders an {@link EvaluationReport} as one self-contained HTML page for data scientists: tables,
 * and the reliability, policy-value and Qini plots as inline SVG (no scripts, nothing fetched).
 */
final class ReportHtml {

    private static final String CANDIDATE_COLOUR = "#1f6fb4";
    private static final String ACTIVE_COLOUR = "#c25b12";
    private static final String REFERENCE_COLOUR = "#888888";
    private static final int WIDTH = 420;
    private static final int HEIGHT = 300;
    private static final int MARGIN = 48;

    private ReportHtml() {
    }

    static String render(EvaluationReport r) {
        StringBuilder h = new StringBuilder();
        h.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Evaluation of ")
                .append(esc(r.candidate().distance())).append(" / ").append(esc(r.candidate().effects()))
                .append("</title>\n<style>body{font-family:sans-serif;max-width:1100px;margin:2em auto;color:#222}"
                        + "table{border-collapse:collapse;margin:0.5em 0 1.5em}td,th{border:1px solid #ccc;padding:3px 8px;"
                        + "text-align:right}th{background:#f2f2f2}td.l,th.l{text-align:left}.flag{background:#fde2e1}"
                        + ".flags{border:2px solid #c0392b;padding:0.5em 1em}.ok{border:2px solid #2e8b57;padding:0.5em 1em}"
                        + "svg{margin-right:1em}.c{color:" + CANDIDATE_COLOUR + "}.a{color:" + ACTIVE_COLOUR + "}</style>"
                        + "</head><body>\n");
        h.append("<h1>Candidate evaluation</h1>\n<table>");
        h.append("<tr><th></th><th class=\"l\">distance model</th><th class=\"l\">effect model</th></tr>");
        h.append("<tr><th class=\"l c\">candidate</th><td class=\"l\">").append(esc(r.candidate().distance()))
                .append("</td><td class=\"l\">").append(esc(r.candidate().effects())).append("</td></tr>");
        h.append("<tr><th class=\"l a\">active</th><td class=\"l\">").append(esc(r.active().distance()))
                .append("</td><td class=\"l\">").append(esc(r.active().effects())).append("</td></tr></table>\n");
        h.append("<p>Held-out records: ").append(r.heldOutRecords()).append(" (").append(esc(r.heldOut()))
                .append("); catalogue ").append(esc(r.catalogueVersion())).append(". Report format ")
                .append(esc(r.format())).append(".</p>\n");
        EvaluationReport.Thresholds t = r.thresholds();
        if (r.flags().isEmpty()) {
            h.append("<div class=\"ok\"><p>No flags: the candidate crosses none of the thresholds.</p></div>\n");
        } else {
            h.append("<div class=\"flags\"><h2>Flags (").append(r.flags().size()).append(")</h2><ul>");
            r.flags().forEach(f -> h.append("<li>").append(esc(f)).append("</li>"));
            h.append("</ul></div>\n");
        }
        h.append(String.format(Locale.ROOT, "<p>Thresholds: a ratio of group rates above %.2f, a group's calibration gap "
                + "above %.2f, inputs that predict a protected group with AUC %.2f or more; groups under %d clients are "
                + "shown but not compared.</p>%n", t.rateRatio(), t.calibrationGap(), t.proxyAuc(), t.minimumGroup()));
        distance(h, r.distance());
        proxies(h, r.proxies(), t);
        r.effects().forEach(e -> effects(h, e));
        h.append("</body></html>\n");
        return h.toString();
    }

    private static void distance(StringBuilder h, EvaluationReport.DistanceSection d) {
        h.append("<h2>Distance model</h2>\n<p>On ").append(d.examples()).append(" held-out clients: ")
                .append(esc(d.label())).append(".</p>\n<table><tr><th class=\"l\">metric</th><th class=\"c\">candidate</th>"
                        + "<th class=\"a\">active</th></tr>");
        DistanceMetrics c = d.candidate();
        DistanceMetrics a = d.active();
        row(h, "AUC", c.auc(), a.auc());
        row(h, "Brier score", c.brier(), a.brier());
        row(h, "log loss", c.logLoss(), a.logLoss());
        row(h, "expected calibration error (deciles)", c.expectedCalibrationError(), a.expectedCalibrationError());
        row(h, "mean predicted", c.meanPredicted(), a.meanPredicted());
        row(h, "observed rate", c.observedRate(), a.observedRate());
        h.append("</table>\n<h3>Reliability</h3>\n");
        double top = Math.max(maxOf(c.reliability()), maxOf(a.reliability()));
        double limit = Math.min(1, Math.ceil(top * 10 + 0.5) / 10);
        List<Series> series = List.of(
                new Series("perfect calibration", REFERENCE_COLOUR, true, false, List.of(new double[] {0, 0}, new double[] {limit, limit})),
                new Series("candidate", CANDIDATE_COLOUR, false, true, bins(c.reliability())),
                new Series("active", ACTIVE_COLOUR, false, true, bins(a.reliability())));
        h.append(plot("Reliability: observed rate per decile of the prediction", "mean predicted", "observed rate",
                0, limit, 0, limit, series));
        h.append("\n<table><tr><th>decile</th><th class=\"c\">n</th><th class=\"c\">mean predicted</th>"
                + "<th class=\"c\">observed</th><th class=\"a\">n</th><th class=\"a\">mean predicted</th><th class=\"a\">observed</th></tr>");
        for (int b = 0; b < Math.max(c.reliability().size(), a.reliability().size()); b++) {
            h.append("<tr><td>").append(b + 1).append("</td>");
            binCells(h, b < c.reliability().size() ? c.reliability().get(b) : null);
            binCells(h, b < a.reliability().size() ? a.reliability().get(b) : null);
            h.append("</tr>");
        }
        h.append("</table>\n");
        groups(h, c, "candidate");
        groups(h, a, "active");
    }

    private static void groups(StringBuilder h, DistanceMetrics m, String which) {
        h.append("<h3>Per group: ").append(which).append(" ").append(esc(m.version())).append("</h3>\n")
                .append("<p>Calibration gap = mean predicted − observed (95 % interval). Category 4 counts as positive: "
                        + "FPR = share in category 4 of those who found work; FNR = share not in category 4 of those who did not.</p>")
                .append("<table><tr><th class=\"l\">attribute</th><th class=\"l\">group</th><th>n</th><th>AUC</th>"
                        + "<th>mean predicted</th><th>observed</th><th>calibration gap</th><th>FPR cat. 4</th>"
                        + "<th>FNR cat. 4</th></tr>");
        for (GroupMetrics g : m.groups()) {
            h.append("<tr").append(g.comparable() ? "" : " style=\"color:#888\"").append("><td class=\"l\">")
                    .append(esc(g.attribute())).append("</td><td class=\"l\">").append(esc(g.group())).append("</td><td>")
                    .append(g.n()).append("</td><td>").append(f(g.auc())).append("</td><td>").append(f(g.meanPredicted()))
                    .append("</td><td>").append(f(g.observedRate())).append("</td><td")
                    .append(g.calibrationFlagged() ? " class=\"flag\"" : "").append(">")
                    .append(String.format(Locale.ROOT, "%+.4f (%+.3f to %+.3f)", g.calibrationGap(), g.gapLower(), g.gapUpper()))
                    .append("</td><td>").append(f(g.falsePositiveRate4())).append("</td><td>")
                    .append(f(g.falseNegativeRate4())).append("</td></tr>");
        }
        h.append("</table>\n<table><tr><th class=\"l\">attribute</th><th class=\"l\">rate</th><th>highest / lowest</th>"
                + "<th class=\"l\">highest</th><th class=\"l\">lowest</th></tr>");
        for (RateRatio r : m.ratios()) {
            h.append("<tr><td class=\"l\">").append(esc(r.attribute())).append("</td><td class=\"l\">").append(esc(r.rate()))
                    .append("</td><td").append(r.flagged() ? " class=\"flag\"" : "").append(">")
                    .append(Double.isNaN(r.ratio()) ? "too few to compare" : Double.isInfinite(r.ratio()) ? "∞" : f(r.ratio()))
                    .append("</td><td class=\"l\">").append(esc(r.highest())).append("</td><td class=\"l\">")
                    .append(esc(r.lowest())).append("</td></tr>");
        }
        h.append("</table>\n");
    }

    private static void proxies(StringBuilder h, List<ProxyResult> proxies, EvaluationReport.Thresholds t) {
        h.append("<h2>Proxy check</h2>\n<p>How well the models' inputs (the encoded intake profile) predict each protected "
                + "group, one against the rest: cross-validated AUC of a logistic regression (0.5: not at all; flagged from ")
                .append(f(t.proxyAuc())).append("). Beside it, how well each distance score alone separates the group.</p>\n");
        if (proxies.isEmpty()) {
            h.append("<p>No protected attributes recorded for enough held-out clients.</p>\n");
            return;
        }
        h.append("<table><tr><th class=\"l\">attribute</th><th class=\"l\">group</th><th>n</th><th>inputs, CV AUC</th>"
                + "<th class=\"c\">candidate score AUC</th><th class=\"a\">active score AUC</th></tr>");
        for (ProxyResult p : proxies) {
            h.append("<tr><td class=\"l\">").append(esc(p.attribute())).append("</td><td class=\"l\">").append(esc(p.group()))
                    .append("</td><td>").append(p.n()).append("</td><td").append(p.flagged() ? " class=\"flag\"" : "")
                    .append(">").append(f(p.inputsAuc())).append("</td><td>").append(f(p.candidateScoreAuc()))
                    .append("</td><td>").append(f(p.activeScoreAuc())).append("</td></tr>");
        }
        h.append("</table>\n");
    }

    private static void effects(StringBuilder h, EffectSection e) {
        h.append("<h2>Effects at ").append(e.horizonMonths()).append(" months</h2>\n<p>Doubly robust (AIPW) value of each "
                + "policy on ").append(e.records()).append(" held-out records whose outcome at ").append(e.horizonMonths())
                .append(" months is known: the share with paid work had everyone been given what the policy picks; "
                        + "95 % intervals from the influence function, nuisances cross-fitted on these records. "
                        + "Poor overlap: the share sent where fewer than ")
                .append(f(PolicyValue.PROPENSITY_CLIP)).append(" of comparable clients went (the value there is extrapolated).</p>\n");
        h.append("<table><tr><th class=\"l\">policy</th><th class=\"l\">what it does</th><th>value</th><th>95 % interval</th>"
                + "<th>poor overlap</th></tr>");
        for (PolicyResult p : e.policies()) {
            h.append("<tr><td class=\"l\">").append(esc(p.policy())).append("</td><td class=\"l\">").append(esc(p.description()))
                    .append("</td><td>").append(f(p.value())).append("</td><td>").append(f(p.lower())).append(" – ")
                    .append(f(p.upper())).append("</td><td>").append(f(p.poorOverlapShare())).append("</td></tr>");
        }
        h.append("</table>\n");
        h.append("<p>Candidate − active: ").append(estimate(e.candidateMinusActive())).append(". Candidate − best average option (")
                .append(esc(e.bestAverageOption())).append("): ").append(estimate(e.candidateMinusBestAverage())).append(".</p>\n");
        h.append(policyChart(e)).append(qiniChart(e));
        h.append(String.format(Locale.ROOT, "<p>Qini coefficient (area between the curve and random targeting): "
                + "<span class=\"c\">candidate %.5f</span>, <span class=\"a\">active %.5f</span>.</p>%n",
                e.candidateQiniCoefficient(), e.activeQiniCoefficient()));
    }

    private static String policyChart(EffectSection e) {
        double low = e.policies().stream().mapToDouble(PolicyResult::lower).min().orElse(0);
        double high = e.policies().stream().mapToDouble(PolicyResult::upper).max().orElse(1);
        double pad = (high - low) * 0.1 + 1e-3;
        low -= pad;
        high += pad;
        int rowHeight = 26;
        int left = 110;
        int height = MARGIN + rowHeight * e.policies().size();
        StringBuilder s = new StringBuilder();
        s.append(svgOpen(WIDTH + 60, height, "Policy values at " + e.horizonMonths() + " months"));
        double span = high - low;
        int plotWidth = WIDTH + 60 - left - 20;
        for (int tick = 0; tick <= 4; tick++) {
            double v = low + span * tick / 4;
            double x = left + plotWidth * tick / 4.0;
            s.append(line(x, 24, x, height - 18, "#eee", false))
                    .append(text(x, height - 4, f(v), "middle", 10));
        }
        for (int i = 0; i < e.policies().size(); i++) {
            PolicyResult p = e.policies().get(i);
            double y = 34 + i * rowHeight;
            String colour = p.policy().equals("candidate") ? CANDIDATE_COLOUR : p.policy().equals("active") ? ACTIVE_COLOUR
                    : REFERENCE_COLOUR;
            double x0 = left + plotWidth * (p.lower() - low) / span;
            double x1 = left + plotWidth * (p.upper() - low) / span;
            double xv = left + plotWidth * (p.value() - low) / span;
            s.append(text(left - 6, y + 4, p.policy(), "end", 12)).append(line(x0, y, x1, y, colour, false))
                    .append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"4\" fill=\"%s\"/>", xv, y, colour));
        }
        return s.append("</svg>\n").toString();
    }

    private static String qiniChart(EffectSection e) {
        List<QiniPoint> c = e.candidateQini();
        List<QiniPoint> a = e.activeQini();
        double low = Math.min(0, Math.min(minGain(c), minGain(a)));
        double high = Math.max(1e-3, Math.max(maxGain(c), maxGain(a)));
        List<Series> series = new ArrayList<>();
        series.add(new Series("random targeting (candidate)", REFERENCE_COLOUR, true, false,
                List.of(new double[] {0, 0}, new double[] {1, c.get(c.size() - 1).gain()})));
        series.add(new Series("candidate", CANDIDATE_COLOUR, false, false, qiniPoints(c)));
        series.add(new Series("active", ACTIVE_COLOUR, false, false, qiniPoints(a)));
        return plot("Qini curve at " + e.horizonMonths() + " months", "share of clients advised (largest predicted effect first)",
                "gain in share with work", 0, 1, low, high, series);
    }

    /** One line (or set of points) on a plot; each point is {x, y}. */
    private record Series(String name, String colour, boolean dashed, boolean markers, List<double[]> points) {
    }

    private static String plot(String title, String xLabel, String yLabel, double x0, double x1, double y0, double y1,
                               List<Series> series) {
        StringBuilder s = new StringBuilder(svgOpen(WIDTH, HEIGHT, title));
        double w = WIDTH - MARGIN - 16;
        double hgt = HEIGHT - MARGIN - 30;
        for (int tick = 0; tick <= 4; tick++) {
            double fx = MARGIN + w * tick / 4;
            double fy = 24 + hgt - hgt * tick / 4;
            s.append(line(fx, 24, fx, 24 + hgt, "#eee", false)).append(line(MARGIN, fy, MARGIN + w, fy, "#eee", false))
                    .append(text(fx, 24 + hgt + 14, f2(x0 + (x1 - x0) * tick / 4), "middle", 10))
                    .append(text(MARGIN - 4, fy + 3, f2(y0 + (y1 - y0) * tick / 4), "end", 10));
        }
        s.append(text(MARGIN + w / 2, HEIGHT - 4, xLabel, "middle", 11))
                .append(String.format(Locale.ROOT, "<text x=\"12\" y=\"%.1f\" font-size=\"11\" text-anchor=\"middle\" "
                        + "transform=\"rotate(-90 12 %.1f)\">%s</text>", 24 + hgt / 2, 24 + hgt / 2, esc(yLabel)));
        int legend = 0;
        for (Series line : series) {
            StringBuilder path = new StringBuilder();
            for (double[] p : line.points()) {
                double px = MARGIN + w * (p[0] - x0) / (x1 - x0);
                double py = 24 + hgt - hgt * (p[1] - y0) / (y1 - y0);
                path.append(path.length() == 0 ? "" : " ").append(String.format(Locale.ROOT, "%.1f,%.1f", px, py));
                if (line.markers()) {
                    s.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3\" fill=\"%s\"/>", px, py, line.colour()));
                }
            }
            s.append(String.format(Locale.ROOT, "<polyline fill=\"none\" stroke=\"%s\" stroke-width=\"2\"%s points=\"%s\"/>",
                    line.colour(), line.dashed() ? " stroke-dasharray=\"5,4\"" : "", path));
            s.append(text(MARGIN + 8, 40 + 14 * legend, line.name(), "start", 11).replace("<text ",
                    "<text fill=\"" + line.colour() + "\" "));
            legend++;
        }
        return s.append("</svg>\n").toString();
    }

    private static String svgOpen(int width, int height, String title) {
        return String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" "
                + "viewBox=\"0 0 %d %d\" role=\"img\" aria-label=\"%s\"><title>%s</title>"
                + "<text x=\"%d\" y=\"14\" font-size=\"13\" font-weight=\"bold\">%s</text>",
                width, height, width, height, esc(title), esc(title), MARGIN, esc(title));
    }

    private static String line(double x0, double y0, double x1, double y1, String colour, boolean dashed) {
        return String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"%s\" stroke-width=\"%s\"%s/>",
                x0, y0, x1, y1, colour, colour.equals("#eee") ? "1" : "3", dashed ? " stroke-dasharray=\"5,4\"" : "");
    }

    private static String text(double x, double y, String content, String anchor, int size) {
        return String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" font-size=\"%d\" text-anchor=\"%s\">%s</text>",
                x, y, size, anchor, esc(content));
    }

    private static List<double[]> bins(List<CalibrationBin> table) {
        return table.stream().map(b -> new double[] {b.meanPredicted(), b.observedRate()}).toList();
    }

    private static List<double[]> qiniPoints(List<QiniPoint> curve) {
        return curve.stream().map(q -> new double[] {q.share(), q.gain()}).toList();
    }

    private static double maxOf(List<CalibrationBin> table) {
        return table.stream().mapToDouble(b -> Math.max(b.meanPredicted(), b.observedRate())).max().orElse(1);
    }

    private static double minGain(List<QiniPoint> curve) {
        return curve.stream().mapToDouble(QiniPoint::gain).min().orElse(0);
    }

    private static double maxGain(List<QiniPoint> curve) {
        return curve.stream().mapToDouble(QiniPoint::gain).max().orElse(0);
    }

    private static void binCells(StringBuilder h, CalibrationBin b) {
        if (b == null) {
            h.append("<td></td><td></td><td></td>");
        } else {
            h.append("<td>").append(b.n()).append("</td><td>").append(f(b.meanPredicted())).append("</td><td>")
                    .append(f(b.observedRate())).append("</td>");
        }
    }

    private static void row(StringBuilder h, String name, double candidate, double active) {
        h.append("<tr><td class=\"l\">").append(esc(name)).append("</td><td>").append(f(candidate)).append("</td><td>")
                .append(f(active)).append("</td></tr>");
    }

    private static String estimate(PolicyValue.Estimate e) {
        return String.format(Locale.ROOT, "%+.4f (95 %% interval %+.4f to %+.4f)", e.value(), e.lower(), e.upper());
    }

    private static String f(double value) {
        return Double.isFinite(value) ? String.format(Locale.ROOT, "%.4f", value) : "–";
    }

    private static String f2(double value) {
        return String.format(Locale.ROOT, "%.2f", value);
    }

    static String esc(String text) {
        if (text == null) {
            return "";
        }
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}

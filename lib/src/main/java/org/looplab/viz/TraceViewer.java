package org.looplab.viz;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.looplab.analysis.TracedPuzzles;
import org.looplab.provenance.AtomicFiles;
import org.looplab.provenance.ContentHash;
import org.looplab.provenance.Json;

/**
 * The deck's recursive trace viewer (slide 06) on real traces: input with givens, the current answer y after step k,
 * and the target; 16 latent bars (named as the model's paper names them: TRM y and z, HRM z_H and z_L), the halt probability and its curve; play / pause / step / back / new puzzle.
 * Self-contained (inline CSS, JS and SVG, data embedded as JSON): it works offline, in a notebook output and as a
 * file.
 *
 * <p>Stable hooks for tests and readers: {@code #step-label[data-step]}, {@code #halt-label[data-halt]},
 * {@code #status[data-state]} (ready, running, halted, capped), {@code #puzzle-label[data-puzzle]}, cells
 * {@code [data-panel][data-cell]} with classes {@code given}, {@code correct}, {@code wrong}, {@code empty} and
 * {@code changed} (differs from the step before), bars {@code #latent-bars [data-bar]}, and buttons
 * {@code #btn-play}, {@code #btn-step}, {@code #btn-back}, {@code #btn-reset}, {@code #btn-new}. The URL hash
 * {@code #puzzle=M&autostep=K} presses "new puzzle" M times and "step" K times on load, so a headless browser can
 * dump the DOM at step K.
 */
public final class TraceViewer {
    private TraceViewer() {}

    /** A {@code <div>} with its own style and script, for {@code display(TraceViewer.fragment(t), "text/html")}. */
    public static String fragment(TracedPuzzles traces) {
        String json = json(traces);
        // The root id is unique per content, so two viewers in one notebook drive their own elements.
        String root = "looplab-trace-"
                + ContentHash.of(json.getBytes(StandardCharsets.UTF_8)).substring(0, 10);
        // The names first: a title or path that happens to hold %LATENT% stays as written.
        return TEMPLATE.replace("%ROOT%", root)
                .replace("%ANSWER%", HtmlTables.escape(traces.names().answer()))
                .replace("%LATENT%", HtmlTables.escape(traces.names().reasoning()))
                .replace("%TITLE%", HtmlTables.escape(traces.title()))
                .replace(
                        "%PROVENANCE%",
                        HtmlTables.escape("model: " + traces.model() + " · data: " + traces.data()
                                + " · halt threshold " + traces.threshold() + " · LoopLab " + traces.code()))
                .replace("%DATA%", json);
    }

    /** A whole HTML document around {@link #fragment}. */
    public static String page(TracedPuzzles traces) {
        return "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>"
                + HtmlTables.escape(traces.title()) + " · LoopLab trace viewer</title></head>\n"
                + "<body style=\"margin:16px;background:#fff\">\n" + fragment(traces) + "\n</body></html>\n";
    }

    /** Writes {@link #page} to {@code file} (atomically: a reader never sees half a page). */
    public static void write(TracedPuzzles traces, Path file) {
        AtomicFiles.writeString(file, page(traces));
    }

    static String json(TracedPuzzles traces) {
        try {
            String s = Json.mapper()
                    .writer()
                    .without(SerializationFeature.INDENT_OUTPUT)
                    .writeValueAsString(traces);
            // "<" occurs only inside JSON strings, where \u003c means the same; so no "</script" or "<!--" can end or
            // confuse the script element, whatever a title or path holds.
            return s.replace("<", "\\u003c");
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise traces: " + e.getOriginalMessage(), e);
        }
    }

    private static final String TEMPLATE = """
            <div class="looplab-trace" id="%ROOT%">
            <style>
            #%ROOT% { font-family: system-ui, -apple-system, "Segoe UI", sans-serif; font-size: 13px; color: #222; max-width: 1100px; }
            #%ROOT% .ltv-title { font-size: 16px; font-weight: 600; margin-bottom: 4px; }
            #%ROOT% .ltv-controls { margin: 6px 0 10px; display: flex; gap: 6px; align-items: center; flex-wrap: wrap; }
            #%ROOT% button { font-size: 13px; padding: 3px 10px; border: 1px solid #999; background: #f4f4f4; border-radius: 4px; cursor: pointer; }
            #%ROOT% #status { margin-left: 8px; padding: 2px 8px; border-radius: 10px; background: #eee; }
            #%ROOT% #status[data-state=halted] { background: #ffe08a; }
            #%ROOT% #status[data-state=capped] { background: #f6c2bb; }
            #%ROOT% .ltv-panels { display: flex; gap: 28px; align-items: flex-start; flex-wrap: wrap; }
            #%ROOT% .ltv-caption { font-weight: 600; margin-bottom: 4px; }
            #%ROOT% .grid { display: grid; gap: 0; border: 2px solid #333; width: max-content; }
            #%ROOT% .cell { box-sizing: border-box; display: flex; align-items: center; justify-content: center;
                            border: 1px solid #ccc; font-weight: 500; background: #fff; }
            #%ROOT% .cell.bx { border-right: 2px solid #333; }
            #%ROOT% .cell.by { border-bottom: 2px solid #333; }
            #%ROOT% .cell.given { background: #dcdcdc; font-weight: 700; }
            #%ROOT% .cell.correct { background: #cdeccd; }
            #%ROOT% .cell.wrong { background: #f7c6c0; color: #a00; }
            #%ROOT% .cell.given.wrong { background: #f09a90; }
            #%ROOT% .cell.changed { box-shadow: inset 0 0 0 3px #f39c12; }
            #%ROOT% .cell.empty { background: #fafafa; }
            #%ROOT% .ltv-sub { margin-top: 4px; font-variant-numeric: tabular-nums; }
            #%ROOT% .ltv-row { display: flex; gap: 28px; margin-top: 12px; flex-wrap: wrap; }
            #%ROOT% #latent-bars { display: flex; align-items: flex-end; gap: 3px; height: 80px; border-bottom: 1px solid #888; padding: 0 2px; }
            #%ROOT% #latent-bars div { width: 14px; background: #4a7fb5; transition: height .2s; }
            #%ROOT% .ltv-legend { margin-top: 10px; display: flex; gap: 14px; align-items: center; flex-wrap: wrap; }
            #%ROOT% .ltv-legend .cell { width: 16px; height: 16px; display: inline-flex; margin-right: 4px; vertical-align: middle; }
            #%ROOT% .ltv-foot { margin-top: 8px; color: #777; font-size: 11px; }
            </style>
            <div class="ltv-title">%TITLE%</div>
            <div><span id="puzzle-label" data-puzzle="0"></span></div>
            <div class="ltv-controls">
              <button id="btn-play" type="button">▶ play</button>
              <button id="btn-back" type="button">‹ back</button>
              <button id="btn-step" type="button">step ›</button>
              <button id="btn-reset" type="button">⟲ reset</button>
              <button id="btn-new" type="button">new puzzle</button>
              <span id="status" data-state="ready">ready</span>
            </div>
            <div class="ltv-panels">
              <div><div class="ltv-caption">Input</div><div class="grid" id="panel-input"></div>
                <div class="ltv-sub" id="input-note"></div></div>
              <div><div class="ltv-caption">Current answer %ANSWER%</div><div class="grid" id="panel-answer"></div>
                <div class="ltv-sub"><span id="step-label" data-step="0">iter 0</span> · <span id="halt-label" data-halt="">halt —</span></div>
                <div class="ltv-sub" id="answer-summary" data-wrong=""></div></div>
              <div><div class="ltv-caption">Target</div><div class="grid" id="panel-target"></div></div>
            </div>
            <div class="ltv-row">
              <div><div class="ltv-caption">Latent %LATENT%: mean |%LATENT%| of 16 channel groups</div><div id="latent-bars"></div>
                <div class="ltv-sub" id="latent-change"></div></div>
              <div><div class="ltv-caption">Halt probability by step</div>
                <svg id="halt-chart" width="340" height="130" viewBox="0 0 340 130" xmlns="http://www.w3.org/2000/svg"></svg></div>
            </div>
            <div class="ltv-legend">
              <span><span class="cell given"></span>given</span><span><span class="cell correct"></span>correct</span>
              <span><span class="cell wrong"></span>wrong</span><span><span class="cell changed"></span>changed this step</span>
            </div>
            <div class="ltv-foot" id="provenance">%PROVENANCE%</div>
            <script type="application/json" class="trace-data">%DATA%</script>
            <script>
            (function () {
              var root = document.getElementById('%ROOT%');
              var D = JSON.parse(root.querySelector('script.trace-data').textContent);
              function el(id) { return root.querySelector('#' + id); }
              var SVG = 'http://www.w3.org/2000/svg';
              var p = 0, k = 0, timer = null;
              var side = D.side, cells = side * side, px = side <= 6 ? 34 : side <= 9 ? 28 : Math.max(10, Math.floor(300 / side));
              var box = Math.round(Math.sqrt(side)) ** 2 === side ? Math.round(Math.sqrt(side)) : 0;
              function P() { return D.puzzles[p]; }
              function N() { return P().steps.length; }
              function sym(t) { return D.symbols[t] === undefined ? String(t) : D.symbols[t]; }

              function buildGrid(panel) {
                var g = el('panel-' + panel);
                g.innerHTML = '';
                g.style.gridTemplateColumns = 'repeat(' + side + ', ' + px + 'px)';
                for (var c = 0; c < cells; c++) {
                  var d = document.createElement('div');
                  d.setAttribute('data-panel', panel);
                  d.setAttribute('data-cell', String(c));
                  d.style.width = d.style.height = px + 'px';
                  d.style.fontSize = Math.round(px * 0.55) + 'px';
                  g.appendChild(d);
                }
              }
              function boxClass(c) {
                if (!box) return '';
                var r = Math.floor(c / side), col = c % side, s = '';
                if ((col + 1) % box === 0 && col + 1 < side) s += ' bx';
                if ((r + 1) % box === 0 && r + 1 < side) s += ' by';
                return s;
              }
              function paint(panel, tokens, classOf) {
                var list = el('panel-' + panel).children;
                for (var c = 0; c < cells; c++) {
                  list[c].className = 'cell ' + classOf(c) + boxClass(c);
                  list[c].textContent = tokens ? sym(tokens[c]) : '';
                }
              }
              function given(c) { return P().input[c] === P().target[c]; }

              function render() {
                var q = P(), n = N(), s = k > 0 ? q.steps[k - 1] : null;
                el('puzzle-label').setAttribute('data-puzzle', String(p));
                el('puzzle-label').textContent = 'puzzle ' + (p + 1) + ' of ' + D.puzzles.length + ' · ' + q.bucket
                  + ' · test row ' + q.row + ' · solver backtracks ' + q.difficulty + (q.givens >= 0 ? ' · givens ' + q.givens : '');
                paint('input', q.input, function (c) { return given(c) ? 'given' : 'empty'; });
                paint('target', q.target, function (c) { return given(c) ? 'given' : ''; });
                var before = k > 1 ? q.steps[k - 2].answer : q.input, wrong = 0;
                paint('answer', s ? s.answer : null, function (c) {
                  if (!s) return 'empty';
                  var right = s.answer[c] === q.target[c];
                  if (!right) wrong++;
                  return (given(c) ? (right ? 'given' : 'given wrong') : (right ? 'correct' : 'wrong'))
                    + (s.answer[c] !== before[c] ? ' changed' : '');
                });
                el('step-label').setAttribute('data-step', String(k));
                el('step-label').textContent = 'iter ' + k + ' of ' + n;
                el('halt-label').setAttribute('data-halt', s ? s.halt.toFixed(4) : '');
                el('halt-label').textContent = 'halt ' + (s ? s.halt.toFixed(2) : '—');
                var summary = el('answer-summary');
                summary.setAttribute('data-wrong', s ? String(wrong) : '');
                summary.textContent = !s ? 'no answer yet' : wrong === 0 ? 'answer right' : wrong + ' cell' + (wrong > 1 ? 's' : '') + ' wrong';
                el('input-note').textContent = (q.givens >= 0 ? q.givens + ' givens' : '');
                var st = el('status'), state, text;
                if (k === 0) { state = 'ready'; text = 'ready'; }
                else if (q.haltStep > 0 && k >= q.haltStep) {
                  state = 'halted';
                  text = 'halted at iter ' + q.haltStep + ' (halt ≥ ' + D.threshold + ')' + (k > q.haltStep ? ' · showing steps past the halt' : '');
                } else if (k === n) { state = 'capped'; text = 'never reached ' + D.threshold + ': stopped at the cap, iter ' + n; }
                else { state = 'running'; text = 'thinking…'; }
                st.setAttribute('data-state', state);
                st.textContent = text;
                bars(q, s);
                chart(q);
              }

              function bars(q, s) {
                var box = el('latent-bars'), max = 1e-12;
                q.steps.forEach(function (t) { t.latent.forEach(function (v) { max = Math.max(max, v); }); });
                var groups = q.steps[0].latent.length;
                if (box.children.length !== groups) {
                  box.innerHTML = '';
                  for (var i = 0; i < groups; i++) { var b = document.createElement('div'); b.setAttribute('data-bar', String(i)); box.appendChild(b); }
                }
                for (var j = 0; j < groups; j++) box.children[j].style.height = (s ? Math.max(1, Math.round(78 * s.latent[j] / max)) : 1) + 'px';
                el('latent-change').textContent = s ? '|Δ%LATENT%| from the step before: ' + s.latentChange.toFixed(2) : '%LATENT% before the first step';
              }

              function chart(q) {
                var svg = el('halt-chart'), n = q.steps.length, W = 340, H = 130, L = 30, R = 10, T = 8, B = 22;
                while (svg.firstChild) svg.removeChild(svg.firstChild);
                function x(i) { return L + (n === 1 ? 0 : (i - 1) * (W - L - R) / (n - 1)); }
                function y(v) { return T + (1 - v) * (H - T - B); }
                function add(tag, attrs) { var e = document.createElementNS(SVG, tag); for (var a in attrs) e.setAttribute(a, attrs[a]); svg.appendChild(e); return e; }
                add('line', {x1: L, y1: y(0), x2: W - R, y2: y(0), stroke: '#888'});
                add('line', {x1: L, y1: y(0), x2: L, y2: y(1), stroke: '#888'});
                [0, 0.5, 1].forEach(function (v) { var t = add('text', {x: L - 4, y: y(v) + 4, 'text-anchor': 'end', 'font-size': 10}); t.textContent = v; });
                var lbl = add('text', {x: (L + W - R) / 2, y: H - 4, 'text-anchor': 'middle', 'font-size': 10}); lbl.textContent = 'iteration (supervision step) 1…' + n;
                add('line', {x1: L, y1: y(D.threshold), x2: W - R, y2: y(D.threshold), stroke: '#d7301f', 'stroke-dasharray': '4 3', 'data-role': 'threshold'});
                if (q.haltStep > 0) add('line', {x1: x(q.haltStep), y1: y(0), x2: x(q.haltStep), y2: y(1), stroke: '#e6a800', 'stroke-width': 2, 'data-role': 'halt-step'});
                var all = q.steps.map(function (t, i) { return x(i + 1) + ',' + y(t.halt); }).join(' ');
                add('polyline', {points: all, fill: 'none', stroke: '#bbb', 'stroke-width': 1.5});
                if (k > 0) {
                  add('polyline', {points: q.steps.slice(0, k).map(function (t, i) { return x(i + 1) + ',' + y(t.halt); }).join(' '),
                    fill: 'none', stroke: '#2b7bba', 'stroke-width': 2.5, 'data-role': 'so-far'});
                  add('circle', {cx: x(k), cy: y(q.steps[k - 1].halt), r: 4, fill: '#2b7bba', 'data-role': 'current'});
                }
              }

              function build() { buildGrid('input'); buildGrid('answer'); buildGrid('target'); }
              function stopAt() { var q = P(); return q.haltStep > 0 && k < q.haltStep ? q.haltStep : N(); }
              function pause() { if (timer) { clearInterval(timer); timer = null; } el('btn-play').textContent = '▶ play'; }
              function tick() { if (k >= stopAt()) { pause(); return; } k++; render(); if (k >= stopAt()) pause(); }
              function play() {
                if (timer) { pause(); return; }
                if (k >= N()) k = 0;
                el('btn-play').textContent = '❚❚ pause';
                timer = setInterval(tick, 700);
              }
              el('btn-play').addEventListener('click', play);
              el('btn-step').addEventListener('click', function () { pause(); if (k < N()) k++; render(); });
              el('btn-back').addEventListener('click', function () { pause(); if (k > 0) k--; render(); });
              el('btn-reset').addEventListener('click', function () { pause(); k = 0; render(); });
              el('btn-new').addEventListener('click', function () { pause(); p = (p + 1) % D.puzzles.length; k = 0; build(); render(); });
              build();
              render();
              // Test hook: #puzzle=M&autostep=K presses "new puzzle" M times, then "step" K times.
              var h = {};
              (window.location.hash || '').replace(/^#/, '').split('&').forEach(function (kv) { var a = kv.split('='); if (a[0]) h[a[0]] = a[1]; });
              for (var i = 0; i < (+h.puzzle || 0); i++) el('btn-new').click();
              for (var j = 0; j < (+h.autostep || 0); j++) el('btn-step').click();
              root.setAttribute('data-ready', 'true');
            })();
            </script>
            </div>
            """;
}

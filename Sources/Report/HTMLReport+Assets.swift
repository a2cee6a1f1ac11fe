extension HTMLReport {
  /// Runs first, in `<head>`: counts uncaught script errors into `<html data-errors>`.
  static let errorTrapScript = #"""
    window.__plErrors=0;window.addEventListener('error',function(e){window.__plErrors++;document.documentElement.setAttribute('data-errors',String(window.__plErrors));document.documentElement.setAttribute('data-error-message',String(e&&e.message));});
    """#

  /// Tooltip, article filter and hash navigation; sets `data-ready="ok"` last.
  static let pageScript = #"""
    (function(){
    try{
    var tip=document.getElementById('tooltip');
    function move(e){var x=e.clientX+14,y=e.clientY+14;if(x+tip.offsetWidth>window.innerWidth-8){x=e.clientX-tip.offsetWidth-14;}if(y+tip.offsetHeight>window.innerHeight-8){y=e.clientY-tip.offsetHeight-14;}tip.style.left=x+'px';tip.style.top=y+'px';}
    function show(e){tip.textContent=e.currentTarget.getAttribute('data-tip');tip.hidden=false;move(e);}
    function hide(){tip.hidden=true;}
    Array.prototype.forEach.call(document.querySelectorAll('svg [data-tip]'),function(el){
    var t=el.querySelector('title');if(t){el.removeChild(t);}
    el.addEventListener('mouseenter',show);el.addEventListener('mousemove',move);el.addEventListener('mouseleave',hide);
    var id=el.getAttribute('data-id');if(id){el.addEventListener('click',function(){location.hash='article-'+id;});}
    });
    var input=document.getElementById('article-filter'),count=document.getElementById('filter-count');
    var items=Array.prototype.slice.call(document.querySelectorAll('#article-list .art'));
    var chosen={region:null,theme:null};
    function apply(){
    var words=input?input.value.toLowerCase().split(/\s+/).filter(function(w){return w.length>0;}):[];var shown=0;
    items.forEach(function(d){var s=d.getAttribute('data-search')||'';var ok=words.every(function(w){return s.indexOf(w)>=0;});
    if(chosen.region&&d.getAttribute('data-region')!==chosen.region&&d.getAttribute('data-city')!==chosen.region){ok=false;}
    if(chosen.theme&&(d.getAttribute('data-themes')||'').split('|').indexOf(chosen.theme)<0){ok=false;}
    d.hidden=!ok;if(ok){shown++;}});
    if(count){count.textContent=shown+' / '+items.length;}
    document.body.setAttribute('data-filter',(chosen.region||'')+'|'+(chosen.theme||''));}
    if(input){input.addEventListener('input',apply);}
    Array.prototype.forEach.call(document.querySelectorAll('button.chip[data-filter]'),function(b){
    b.addEventListener('click',function(){var kind=b.getAttribute('data-filter'),value=b.getAttribute('data-value');
    chosen[kind]=chosen[kind]===value?null:value;
    Array.prototype.forEach.call(document.querySelectorAll('button.chip[data-filter="'+kind+'"]'),function(o){o.setAttribute('aria-pressed',String(o.getAttribute('data-value')===chosen[kind]));});
    apply();var list=document.getElementById('articles');if(list&&list.scrollIntoView){list.scrollIntoView();}});});
    function mark(kind){Array.prototype.forEach.call(document.querySelectorAll('button.chip[data-filter="'+kind+'"]'),function(o){o.setAttribute('aria-pressed',String(o.getAttribute('data-value')===chosen[kind]));});}
    chosen.region=document.body.getAttribute('data-focus-region')||null;chosen.theme=document.body.getAttribute('data-focus-theme')||null;
    mark('region');mark('theme');apply();
    window.addEventListener('beforeprint',function(){items.forEach(function(d){if(!d.hidden){d.open=true;}});});
    function openHash(){var id=decodeURIComponent(location.hash.slice(1));if(id.indexOf('article-')===0){var d=document.getElementById(id);if(d){d.open=true;d.hidden=false;}}}
    window.addEventListener('hashchange',openHash);openHash();
    document.body.setAttribute('data-ready','ok');
    }catch(e){
    window.__plErrors++;document.documentElement.setAttribute('data-errors',String(window.__plErrors));
    document.documentElement.setAttribute('data-error-message',String(e&&e.message));
    document.body.setAttribute('data-ready','failed');
    }
    })();
    """#

  /// The page's style sheet: system CJK font stack, sticky navigation and table headers.
  static let styleSheet = #"""
    :root{--ink:#1f2933;--muted:#616e7c;--line:#e4e7eb;--bg:#f5f7fa;--card:#fff;--accent:#2f6fad}
    *{box-sizing:border-box}
    html{scroll-behavior:smooth;scroll-padding-top:60px}
    body{margin:0;font-family:-apple-system,BlinkMacSystemFont,"Segoe UI","PingFang SC","Hiragino Sans GB","Microsoft YaHei","Noto Sans CJK SC","Source Han Sans SC","WenQuanYi Micro Hei",sans-serif;color:var(--ink);background:var(--bg);line-height:1.55;font-size:15px}
    a{color:var(--accent);text-decoration:none}a:hover{text-decoration:underline}
    .wrap{max-width:1180px;margin:0 auto;padding:0 24px}
    header{background:linear-gradient(135deg,#1d3557 0%,#2f6fad 100%);color:#fff;padding:30px 0 22px}
    header h1{margin:0 0 4px;font-size:28px;font-weight:650;letter-spacing:.01em}
    .subtitle{margin:0 0 18px;opacity:.85}
    .stats{display:grid;grid-template-columns:repeat(auto-fit,minmax(150px,1fr));gap:12px;margin:0}
    .stats div{background:rgba(255,255,255,.12);border:1px solid rgba(255,255,255,.16);border-radius:10px;padding:10px 14px}
    .stats .wide{grid-column:span 2}
    .stats dt{font-size:12px;opacity:.8}
    .stats dd{margin:0;font-size:21px;font-weight:600;white-space:nowrap}
    .regions{margin:14px 0 0;display:flex;flex-wrap:wrap;gap:6px}
    .chip{background:rgba(255,255,255,.18);border-radius:12px;padding:1px 10px;font-size:13px}
    nav{position:sticky;top:0;z-index:20;background:rgba(255,255,255,.97);border-bottom:1px solid var(--line);box-shadow:0 1px 4px rgba(15,23,42,.05)}
    nav .wrap{display:flex;gap:2px;overflow-x:auto}
    nav a{padding:12px 14px;color:var(--ink);white-space:nowrap;border-bottom:2px solid transparent;font-size:14px}
    nav a:hover{border-bottom-color:var(--accent);color:var(--accent);text-decoration:none}
    section{padding-top:40px}
    h2{font-size:21px;margin:0 0 2px}
    .note{color:var(--muted);margin:0 0 14px;font-size:13.5px}
    .empty{color:var(--muted);font-style:italic;margin:6px 0}
    .chart{margin:0;background:var(--card);border:1px solid var(--line);border-radius:12px;padding:16px 18px}
    .chart svg{width:100%;height:auto;display:block}
    .heat-scroll{max-height:none}
    .heat th.period{text-align:center;white-space:nowrap}
    .heat td.hm{text-align:center;min-width:64px;font-variant-numeric:tabular-nums;border-left:1px solid #fff;-webkit-print-color-adjust:exact;print-color-adjust:exact}
    .heat td.hm.dark{color:#fff;font-weight:600}
    .heat tbody th{position:sticky;left:0;background:#fff;white-space:nowrap;z-index:1;font-weight:500}
    .heat thead th:first-child{left:0;z-index:3}
    .heat tbody th .dot,.heatmap thead .dot,.term .dot,button.chip .dot{margin-right:5px;vertical-align:middle;-webkit-print-color-adjust:exact;print-color-adjust:exact}
    .heat td.total{color:var(--muted)}
    .legend{list-style:none;padding:0;margin:12px 0 0;display:flex;flex-wrap:wrap;gap:6px 18px;font-size:13.5px}
    .legend li{display:flex;align-items:center;gap:6px}
    .dot{width:10px;height:10px;border-radius:50%;display:inline-block;flex:none}
    .total{color:var(--muted);font-size:12px}
    .trend{font-size:11.5px;padding:0 7px;border-radius:9px;background:#eef1f4;color:#52606d;white-space:nowrap}
    .trend-new{background:#e3f0fc;color:#1565c0}.trend-rising{background:#e6f4ea;color:#1e7b34}
    .trend-fading{background:#fdecea;color:#b3261e}.trend-absent{background:#f1f1f1;color:#8a8a8a}
    .table-details>summary{cursor:pointer;color:var(--accent);margin:10px 0;font-size:13.5px}
    .map-chart .frame{fill:#fbfcfd;stroke:var(--line)}
    .map-chart .pt{stroke:#fff;stroke-width:1.5;opacity:.9;cursor:pointer}
    .map-chart .pt:hover{stroke:#1f2933;stroke-width:2;opacity:1}
    .map-chart .pt.other{opacity:.55}
    .map-chart .cluster-label{font-size:13px;font-weight:600;fill:#1f2933;paint-order:stroke;stroke:#fff;stroke-width:4px;stroke-linejoin:round;pointer-events:none}
    .legend li.other{color:var(--muted)}
    .cards{display:grid;grid-template-columns:repeat(auto-fill,minmax(460px,1fr));gap:16px}
    .cluster{background:var(--card);border:1px solid var(--line);border-top:4px solid var(--c);border-radius:12px;padding:14px 16px;min-width:0}
    .cluster h3{margin:0 0 8px;font-size:16px;display:flex;align-items:center;gap:8px}
    .count{color:var(--muted);font-weight:400;font-size:13px}
    .terms{margin:0 0 10px;display:flex;flex-wrap:wrap;gap:6px}
    .term{background:#eef2f7;color:#334e68;border-radius:12px;padding:1px 9px;font-size:12.5px}
    .cluster-tag{background:#dde8f5;font-weight:600}
    .scroll{overflow:auto;max-height:72vh;border:1px solid var(--line);border-radius:10px;background:#fff}
    table.data{border-collapse:separate;border-spacing:0;width:100%;font-size:13.5px}
    .data th,.data td{padding:6px 10px;border-bottom:1px solid var(--line);text-align:left;vertical-align:top}
    .data thead th{position:sticky;top:0;background:#f1f4f8;z-index:2;font-weight:600;font-size:12.5px;color:#3e4c59}
    .data tbody tr:hover td,.data tbody tr:hover th{background-color:#f8fafc}
    .scroll.tight{max-height:400px;border:none;border-radius:0}
    .compact th,.compact td{padding:4px 8px}
    .compact td.nowrap,.compact td.num{width:1%;padding-right:18px}
    .cluster table.data{font-size:13px}
    .matrix-scroll{max-width:100%;overflow:auto;max-height:80vh}
    .heatmap{width:max-content;min-width:100%}
    .heatmap thead th{white-space:nowrap;text-align:center}
    .heatmap tbody th{position:sticky;left:0;background:#fff;white-space:nowrap;z-index:1}
    .heatmap thead th:first-child{left:0;z-index:3}
    .heatmap td{text-align:center;min-width:58px;font-variant-numeric:tabular-nums}
    .heatmap td.cell{background:rgba(47,111,173,var(--a))!important;cursor:default}
    .heatmap td.strong{color:#fff;font-weight:600}
    .heatmap tr.region th{font-weight:600}
    .heatmap tr.city th{padding-left:28px;font-weight:400;color:var(--muted)}
    .nowrap{white-space:nowrap}
    .num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
    .filter{display:flex;align-items:center;gap:12px;margin-bottom:12px;position:sticky;top:46px;z-index:10;background:var(--bg);padding:6px 0}
    .filter input{flex:1;padding:9px 12px;border:1px solid #cbd2d9;border-radius:8px;font:inherit;background:#fff}
    .filter input:focus{outline:2px solid #9cc3ea;border-color:var(--accent)}
    .art{background:#fff;border:1px solid var(--line);border-radius:10px;margin-bottom:8px}
    .art[open]{box-shadow:0 2px 8px rgba(15,23,42,.06)}
    .art>summary{cursor:pointer;padding:10px 14px;display:flex;align-items:center;gap:10px;list-style:none}
    .art>summary::-webkit-details-marker{display:none}
    .art>summary::before{content:"▸";color:var(--muted);width:10px}
    .art[open]>summary::before{content:"▾"}
    .art .title{font-weight:600;flex:1;min-width:0}
    .art .meta{color:var(--muted);font-size:12.5px;white-space:nowrap}
    .art .body{padding:0 14px 12px 44px}
    .bar{display:inline-block;width:44px;height:6px;border-radius:3px;margin-right:8px;vertical-align:middle;background:linear-gradient(90deg,var(--accent) var(--w),#e4e7eb var(--w))}
    #tooltip{position:fixed;z-index:50;max-width:380px;background:rgba(31,41,51,.95);color:#fff;padding:7px 10px;border-radius:6px;font-size:12.5px;line-height:1.45;white-space:pre-line;pointer-events:none;box-shadow:0 4px 14px rgba(0,0,0,.18)}
    footer{padding:36px 0 40px;text-align:center;color:var(--muted);font-size:12.5px}
    @media (max-width:700px){.cards{grid-template-columns:1fr}.art .meta{display:none}}
    button.chip{border:1px solid rgba(255,255,255,.35);color:inherit;font:inherit;font-size:13px;cursor:pointer}
    button.chip[aria-pressed="true"]{background:#fff;color:#1f3a5f;font-weight:600}
    .themes{margin:6px 0 0;display:flex;flex-wrap:wrap;gap:6px}
    .cite{font-size:13px;color:var(--muted);margin:4px 0 8px;overflow-wrap:anywhere}
    code.id{font-family:ui-monospace,Menlo,Consolas,monospace;font-size:12.5px;user-select:all}
    details.text{margin:8px 0}details.text>summary{cursor:pointer;color:var(--accent)}
    details.text p{line-height:1.8;margin:6px 0;text-align:justify}
    @page{size:A4;margin:16mm 14mm}
    @media print{nav,.filter,#map,#tooltip,.regions,.themes{display:none!important}
    body{background:#fff;font-size:11pt}header{background:none!important;color:#000}
    .scroll{max-height:none;overflow:visible;border:none}.heatmap{font-size:8pt}
    .art{break-inside:avoid;border:none;border-bottom:1px solid #ccc}.art[hidden]{display:none!important}
    .art>summary::marker{content:""}a{color:#000;text-decoration:none}}
    """#
}

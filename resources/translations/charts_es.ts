<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es_MX" sourcelanguage="en_US">
<context>
    <name>Charts</name>
    <message>
        <location filename="../../planner/ui/charts/chart_export.py"/>
        <source>Export image (PNG)…</source>
        <translation>Exportar imagen (PNG)…</translation>
    </message>
    <message>
        <location filename="../../planner/ui/charts/chart_export.py"/>
        <source>Export vector image (SVG)…</source>
        <translation>Exportar imagen vectorial (SVG)…</translation>
    </message>
    <message>
        <location filename="../../planner/ui/charts/chart_export.py"/>
        <source>Export data (CSV)…</source>
        <translation>Exportar datos (CSV)…</translation>
    </message>
    <message>
        <location filename="../../planner/ui/charts/chart_export.py"/>
        <source>Export chart</source>
        <translation>Exportar gráfico</translation>
    </message>
    <message>
        <location filename="../../planner/ui/charts/chart_export.py"/>
        <source>PNG image (*.png)</source>
        <translation>Imagen PNG (*.png)</translation>
    </message>
    <message>
        <location filename="../../planner/ui/charts/chart_export.py"/>
        <source>SVG image (*.svg)</source>
        <translation>Imagen SVG (*.svg)</translation>
    </message>
    <message>
        <location filename="../../planner/ui/export_dialog.py"/>
        <source>CSV table (*.csv)</source>
        <translation>Tabla CSV (*.csv)</translation>
    </message>
    <message>
        <location filename="../../planner/ui/charts/base.py"/>
        <source>Shows {series}.</source>
        <translation>Muestra {series}.</translation>
    </message>
    <message>
        <location filename="../../planner/ui/charts/base.py"/>
        <source>{rows} plotted values; Shift+F10 opens the export menu.</source>
        <translation>{rows} valores graficados; Mayús+F10 abre el menú de exportación.</translation>
    </message>
    <message>
        <location filename="../../planner/ui/charts/base.py"/>
        <source>Arrow keys read the values one at a time; Esc clears the read-out.</source>
        <translation>Las flechas leen los valores uno a uno; Esc borra la lectura.</translation>
    </message>
</context>
<context>
    <name>CorridorMap</name>
    <message>
        <location filename="../../planner/ui/charts/corridor_readout.py"/>
        <source>Mexican region</source>
        <translation>Región de México</translation>
    </message>
    <message>
        <location filename="../../planner/ui/charts/corridor_readout.py"/>
        <source>Border crossing</source>
        <translation>Cruce fronterizo</translation>
    </message>
    <message>
        <location filename="../../planner/ui/charts/corridor_readout.py"/>
        <source>Seaport</source>
        <translation>Puerto marítimo</translation>
    </message>
    <message>
        <location filename="../../planner/ui/charts/corridor_readout.py"/>
        <source>Market</source>
        <translation>Mercado</translation>
    </message>
    <message>
        <location filename="../../planner/ui/charts/corridor_map.py"/>
        <source>Freight corridors: flow, utilisation and disruptions</source>
        <translation>Corredores de carga: flujo, utilización e interrupciones</translation>
    </message>
    <message>
        <location filename="../../planner/ui/charts/corridor_map.py"/>
        <source>Disrupted</source>
        <translation>Interrumpido</translation>
    </message>
    <message>
        <location filename="../../planner/ui/charts/corridor_map.py"/>
        <source>Corridor not built</source>
        <translation>Corredor no construido</translation>
    </message>
    <message>
        <location filename="../../planner/ui/charts/corridor_readout.py"/>
        <source>{a} → {b}: utilisation {u} % (baseline {ub} %), {days} days ({db})</source>
        <translation>{a} → {b}: utilización {u} % (base {ub} %), {days} días ({db})</translation>
    </message>
    <message>
        <location filename="../../planner/ui/charts/corridor_map.py"/>
        <source>flow {flow} USD bn</source>
        <translation>flujo {flow} mil millones USD</translation>
    </message>
    <message>
        <location filename="../../planner/ui/charts/corridor_map.py"/>
        <source>% of capacity used</source>
        <translation>% de capacidad usada</translation>
    </message>
    <message>
        <location filename="../../planner/ui/charts/corridor_map.py"/>
        <source>US South</source>
        <translation>Sur de EE. UU.</translation>
    </message>
    <message>
        <location filename="../../planner/ui/charts/corridor_map.py"/>
        <source>US Midwest</source>
        <translation>Medio Oeste de EE. UU.</translation>
    </message>
    <message>
        <location filename="../../planner/ui/charts/corridor_map.py"/>
        <source>US West</source>
        <translation>Oeste de EE. UU.</translation>
    </message>
    <message>
        <location filename="../../planner/ui/charts/corridor_map.py"/>
        <source>US East</source>
        <translation>Este de EE. UU.</translation>
    </message>
    <message>
        <location filename="../../planner/ui/charts/corridor_map.py"/>
        <source>Canada</source>
        <translation>Canadá</translation>
    </message>
    <message>
        <location filename="../../planner/ui/charts/corridor_map.py"/>
        <source>Overseas markets</source>
        <translation>Mercados de ultramar</translation>
    </message>
</context>
<context>
    <name>RegionTiles</name>
    <message>
        <location filename="../../planner/ui/charts/region_tiles.py"/>
        <source>export change vs baseline, %</source>
        <translation>cambio de exportaciones vs. base, %</translation>
    </message>
    <message>
        <location filename="../../planner/ui/charts/region_tiles.py"/>
        <source>Mexico's regions: exports, change vs baseline</source>
        <translation>Regiones de México: exportaciones, cambio vs. base</translation>
    </message>
    <message>
        <location filename="../../planner/ui/charts/region_tiles.py"/>
        <source>{region}: baseline {base}, scenario {scen} USD m</source>
        <translation>{region}: base {base}, escenario {scen} millones USD</translation>
    </message>
    <message>
        <location filename="../../planner/ui/charts/region_tiles.py"/>
        <source>USD m</source>
        <comment>compact unit on a region tile</comment>
        <translation>M USD</translation>
    </message>
</context>
<context>
    <name>SectorBars</name>
    <message>
        <location filename="../../planner/ui/charts/sector_bars.py"/>
        <source>change vs baseline, USD bn</source>
        <translation>cambio vs. base, miles de millones USD</translation>
    </message>
    <message>
        <location filename="../../planner/ui/charts/sector_bars.py"/>
        <source>change vs baseline, USD m</source>
        <translation>cambio vs. base, millones USD</translation>
    </message>
    <message>
        <location filename="../../planner/ui/charts/sector_bars.py"/>
        <source>Trade by sector: change vs baseline</source>
        <translation>Comercio por sector: cambio vs. base</translation>
    </message>
    <message>
        <location filename="../../planner/ui/charts/sector_bars.py"/>
        <source>Scenario: increase</source>
        <translation>Escenario: aumento</translation>
    </message>
    <message>
        <location filename="../../planner/ui/charts/sector_bars.py"/>
        <source>Scenario: decrease</source>
        <translation>Escenario: disminución</translation>
    </message>
    <message>
        <location filename="../../planner/ui/charts/sector_bars.py"/>
        <source>{sector}: baseline {base}, scenario {scen}, change {delta} USD bn</source>
        <translation>{sector}: base {base}, escenario {scen}, cambio {delta} miles de millones USD</translation>
    </message>
    <message>
        <location filename="../../planner/ui/charts/sector_bars.py"/>
        <source>{sector}: baseline {base}, scenario {scen}, change {delta} USD m</source>
        <translation>{sector}: base {base}, escenario {scen}, cambio {delta} millones USD</translation>
    </message>
    <message>
        <location filename="../../planner/ui/charts/sector_bars.py"/>
        <source>p10–p90 band</source>
        <translation>banda p10–p90</translation>
    </message>
    <message>
        <location filename="../../planner/ui/charts/sector_bars.py"/>
        <source>Pinned {key}</source>
        <translation>Fijado {key}</translation>
    </message>
    <message>
        <location filename="../../planner/ui/charts/sector_bars.py"/>
        <source>US imports by sector: change vs baseline, {year}</source>
        <translation>Importaciones de EE. UU. por sector: cambio vs. base, {year}</translation>
    </message>
    <message>
        <location filename="../../planner/ui/charts/sector_bars.py"/>
        <source>{country}: exports to US by sector, change vs baseline, {year}</source>
        <translation>{country}: export. a EE. UU. por sector, cambio vs. base, {year}</translation>
    </message>
</context>
<context>
    <name>Timeline</name>
    <message>
        <location filename="../../planner/ui/charts/timeline.py"/>
        <source>USMCA review calendar and this scenario's events</source>
        <translation>Calendario de revisión del T-MEC y eventos de este escenario</translation>
    </message>
    <message>
        <location filename="../../planner/ui/charts/timeline.py"/>
        <source>year</source>
        <translation>año</translation>
    </message>
    <message>
        <location filename="../../planner/ui/charts/timeline.py"/>
        <source>Review calendar</source>
        <translation>Calendario de revisión</translation>
    </message>
    <message>
        <location filename="../../planner/ui/charts/timeline.py"/>
        <source>Scenario</source>
        <translation>Escenario</translation>
    </message>
    <message>
        <location filename="../../planner/ui/charts/timeline.py"/>
        <source>No levers or shocks switched on.</source>
        <translation>No hay palancas ni choques activados.</translation>
    </message>
    <message>
        <location filename="../../planner/ui/charts/timeline.py"/>
        <source>Dated milestone</source>
        <translation>Hito fechado</translation>
    </message>
    <message>
        <location filename="../../planner/ui/charts/timeline.py"/>
        <source>Scenario event</source>
        <translation>Evento del escenario</translation>
    </message>
    <message>
        <location filename="../../planner/ui/charts/timeline.py"/>
        <source>{name} ends</source>
        <translation>Fin de {name}</translation>
    </message>
    <message>
        <location filename="../../planner/ui/charts/timeline.py"/>
        <source>(unverified)</source>
        <translation>(no verificado)</translation>
    </message>
    <message>
        <location filename="../../planner/ui/charts/timeline.py"/>
        <source>Article claims</source>
        <translation>Según el artículo</translation>
    </message>
    <message>
        <location filename="../../planner/ui/charts/timeline.py"/>
        <source>unverified: only the seed article says so</source>
        <translation>no verificado: solo lo afirma el artículo de origen</translation>
    </message>
    <message>
        <location filename="../../planner/ui/charts/timeline.py"/>
        <source>Seed article claim (unverified)</source>
        <translation>Afirmación del artículo (no verificada)</translation>
    </message>
    <message>
        <location filename="../../planner/ui/charts/timeline_lanes.py"/>
        <source>First USMCA joint review</source>
        <translation>1.ª revisión conjunta</translation>
    </message>
    <message>
        <location filename="../../planner/ui/charts/timeline_lanes.py"/>
        <source>Next joint review</source>
        <translation>Próxima revisión</translation>
    </message>
    <message>
        <location filename="../../planner/ui/charts/timeline_lanes.py"/>
        <source>Expiry of initial 16-year term</source>
        <translation>Fin del plazo inicial</translation>
    </message>
    <message>
        <location filename="../../planner/ui/charts/timeline.py"/>
        <source>End of new 16-year term</source>
        <translation>Fin del nuevo plazo</translation>
    </message>
</context>
<context>
    <name>TradeOverTime</name>
    <message>
        <location filename="../../planner/ui/charts/trade_over_time.py"/>
        <source>USD bn</source>
        <translation>miles de millones USD</translation>
    </message>
    <message>
        <location filename="../../planner/ui/charts/trade_over_time.py"/>
        <source>year</source>
        <translation>año</translation>
    </message>
    <message>
        <location filename="../../planner/ui/charts/trade_over_time.py"/>
        <source>Baseline</source>
        <translation>Base</translation>
    </message>
    <message>
        <location filename="../../planner/ui/charts/trade_over_time.py"/>
        <source>Scenario</source>
        <translation>Escenario</translation>
    </message>
    <message>
        <location filename="../../planner/ui/charts/trade_over_time.py"/>
        <source>Total goods trade (exports + imports): {country}</source>
        <translation>Comercio total de bienes (exp. + imp.): {country}</translation>
    </message>
    <message>
        <location filename="../../planner/ui/charts/trade_over_time.py"/>
        <source>p10–p90 band</source>
        <translation>banda p10–p90</translation>
    </message>
    <message>
        <location filename="../../planner/ui/charts/trade_over_time.py"/>
        <source>Pinned {key}</source>
        <translation>Fijado {key}</translation>
    </message>
</context>
<context>
    <name>Welfare</name>
    <message>
        <location filename="../../planner/ui/charts/welfare.py"/>
        <source>Consumer surplus</source>
        <translation>Excedente del consumidor</translation>
    </message>
    <message>
        <location filename="../../planner/ui/charts/welfare.py"/>
        <source>Producer surplus</source>
        <translation>Excedente del productor</translation>
    </message>
    <message>
        <location filename="../../planner/ui/charts/welfare.py"/>
        <source>Tariff revenue</source>
        <translation>Ingresos arancelarios</translation>
    </message>
    <message>
        <location filename="../../planner/ui/charts/welfare.py"/>
        <source>Total</source>
        <translation>Total</translation>
    </message>
    <message>
        <location filename="../../planner/ui/charts/welfare.py"/>
        <source>USD bn</source>
        <translation>miles de millones USD</translation>
    </message>
    <message>
        <location filename="../../planner/ui/charts/welfare.py"/>
        <source>USD m</source>
        <translation>millones USD</translation>
    </message>
    <message>
        <location filename="../../planner/ui/charts/welfare.py"/>
        <source>region</source>
        <translation>región</translation>
    </message>
    <message>
        <location filename="../../planner/ui/charts/welfare.py"/>
        <source>Welfare change vs baseline by country</source>
        <translation>Cambio de bienestar vs. base por país</translation>
    </message>
</context>
<context>
    <name>Dashboard</name>
    <message>
        <location filename="../../planner/ui/dashboard.py"/>
        <source>Year shown in the one-year charts:</source>
        <translation>Año mostrado en los gráficos de un año:</translation>
    </message>
    <message>
        <location filename="../../planner/ui/dashboard.py"/>
        <source>Year shown in the one-year charts</source>
        <translation>Año mostrado en los gráficos de un año</translation>
    </message>
    <message>
        <location filename="../../planner/ui/dashboard.py"/>
        <source>Sector bars, welfare, Mexico's regions and the corridors show this year</source>
        <translation>Las barras por sector, el bienestar, las regiones de México y los corredores muestran este año</translation>
    </message>
</context>
<context>
    <name>KpiCards</name>
    <message>
        <source>Withdrawing USMCA preferences in {year} would change welfare by {us} for the US and {mx} for Mexico ({unit}).</source>
        <translation>Retirar las preferencias del T-MEC en {year} cambiaría el bienestar en {us} para EE. UU. y en {mx} para México ({unit}).</translation>
    </message>
    <message>
        <location filename="../../planner/ui/kpi_card.py"/>
        <source>{delta} vs baseline ({base})</source>
        <translation>{delta} vs. base ({base})</translation>
    </message>
    <message>
        <location filename="../../planner/ui/kpi_area.py"/>
        <source>Key numbers for the {lens} lens in {year}</source>
        <translation>Cifras clave para la perspectiva {lens} en {year}</translation>
    </message>
    <message>
        <location filename="../../planner/ui/kpi_card.py"/>
        <source>p10–p90: {low} to {high}</source>
        <translation>p10–p90: {low} a {high}</translation>
    </message>
    <message>
        <location filename="../../planner/ui/kpi_wording.py"/>
        <source>US manufacturers</source>
        <translation>los fabricantes estadounidenses</translation>
    </message>
    <message>
        <location filename="../../planner/ui/kpi_wording.py"/>
        <source>Mexican SMEs</source>
        <translation>las pymes mexicanas</translation>
    </message>
    <message>
        <location filename="../../planner/ui/kpi_wording.py"/>
        <source>Canadian exporters</source>
        <translation>los exportadores canadienses</translation>
    </message>
    <message>
        <location filename="../../planner/ui/kpi_wording.py"/>
        <source>the country concerned</source>
        <translation>el país en cuestión</translation>
    </message>
    <message>
        <location filename="../../planner/ui/kpi_wording.py"/>
        <source>index (baseline = 100)</source>
        <translation>índice (base = 100)</translation>
    </message>
    <message>
        <location filename="../../planner/ui/kpi_wording.py"/>
        <source>points</source>
        <translation>puntos</translation>
    </message>
    <message>
        <location filename="../../planner/ui/kpi_wording.py"/>
        <source>index (0–{top})</source>
        <translation>índice (0–{top})</translation>
    </message>
    <message>
        <location filename="../../planner/ui/kpi_wording.py"/>
        <source>days a year</source>
        <translation>días al año</translation>
    </message>
    <message>
        <location filename="../../planner/ui/kpi_wording.py"/>
        <source>percentage points</source>
        <translation>puntos porcentuales</translation>
    </message>
    <message>
        <location filename="../../planner/ui/kpi_wording.py"/>
        <source>USD m</source>
        <translation>millones de USD</translation>
    </message>
    <message>
        <location filename="../../planner/ui/kpi_wording.py"/>
        <source>jobs</source>
        <translation>empleos</translation>
    </message>
    <message>
        <location filename="../../planner/ui/kpi_wording.py"/>
        <source>ratio</source>
        <translation>razón</translation>
    </message>
    <message>
        <location filename="../../planner/ui/kpi_card.py"/>
        <source>not defined in this scenario (baseline {base})</source>
        <translation>no definido en este escenario (base {base})</translation>
    </message>
    <message>
        <location filename="../../planner/ui/kpi_wording.py"/>
        <source>In {year} this indicator is not defined in this scenario.</source>
        <translation>En {year} este indicador no está definido en este escenario.</translation>
    </message>
    <message>
        <location filename="../../planner/ui/kpi_wording.py"/>
        <source>In {year} this indicator is not defined in the baseline, so there is no change to compare.</source>
        <translation>En {year} este indicador no está definido en el escenario base, así que no hay cambio que comparar.</translation>
    </message>
    <message>
        <location filename="../../planner/ui/kpi_wording.py"/>
        <source>In {year} the scenario does not move this indicator away from the baseline.</source>
        <translation>En {year} el escenario no aleja este indicador del escenario base.</translation>
    </message>
    <message>
        <location filename="../../planner/ui/kpi_wording.py"/>
        <source>this stakeholder</source>
        <translation>este actor</translation>
    </message>
    <message>
        <location filename="../../planner/ui/kpi_wording.py"/>
        <source>Good news for {who}.</source>
        <translation>Buena noticia para {who}.</translation>
    </message>
    <message>
        <location filename="../../planner/ui/kpi_wording.py"/>
        <source>Bad news for {who}.</source>
        <translation>Mala noticia para {who}.</translation>
    </message>
    <message>
        <location filename="../../planner/ui/kpi_wording.py"/>
        <source>In {year} this indicator is {amount} higher than in the baseline.</source>
        <translation>En {year} este indicador está {amount} por encima del escenario base.</translation>
    </message>
    <message>
        <location filename="../../planner/ui/kpi_wording.py"/>
        <source>In {year} this indicator is {amount} lower than in the baseline.</source>
        <translation>En {year} este indicador está {amount} por debajo del escenario base.</translation>
    </message>
    <message>
        <location filename="../../planner/ui/kpi_wording.py"/>
        <source>That is neither good nor bad in itself.</source>
        <translation>Eso no es ni bueno ni malo en sí mismo.</translation>
    </message>
    <message>
        <location filename="../../planner/ui/kpi_card.py"/>
        <source>Below 0: the US would gain from the withdrawal, so the threat costs it nothing and Mexico has no leverage.</source>
        <translation>Por debajo de 0: EE. UU. ganaría con el retiro, así que la amenaza no le cuesta nada y México no tiene poder de negociación.</translation>
    </message>
    <message>
        <location filename="../../planner/ui/kpi_wording.py"/>
        <source>The central estimate lies outside the p10–p90 range of the draws: the uncertain parameters&apos; ranges are lopsided.</source>
        <translation>La estimación central queda fuera del rango p10–p90 de las simulaciones: los rangos de los parámetros inciertos son asimétricos.</translation>
    </message>
</context>
<context>
    <name>Compare</name>
    <message>
        <location filename="../../planner/ui/compare.py"/>
        <source>Compare pinned scenarios</source>
        <translation>Comparar escenarios fijados</translation>
    </message>
    <message>
        <location filename="../../planner/ui/compare.py"/>
        <source>&amp;All lenses</source>
        <translation>&amp;Todas las perspectivas</translation>
    </message>
    <message>
        <location filename="../../planner/ui/compare.py"/>
        <source>&amp;Export CSV…</source>
        <translation>&amp;Exportar CSV…</translation>
    </message>
    <message>
        <location filename="../../planner/ui/compare.py"/>
        <source>Indicator</source>
        <translation>Indicador</translation>
    </message>
    <message>
        <location filename="../../planner/ui/compare.py"/>
        <source>Unit</source>
        <translation>Unidad</translation>
    </message>
    <message>
        <location filename="../../planner/ui/compare.py"/>
        <source>Baseline</source>
        <translation>Base</translation>
    </message>
    <message>
        <location filename="../../planner/ui/compare.py"/>
        <source>Export comparison</source>
        <translation>Exportar comparación</translation>
    </message>
    <message>
        <location filename="../../planner/ui/compare.py"/>
        <source>CSV table (*.csv)</source>
        <translation>Tabla CSV (*.csv)</translation>
    </message>
    <message>
        <location filename="../../planner/ui/compare.py"/>
        <source>Current</source>
        <translation>Actual</translation>
    </message>
    <message>
        <location filename="../../planner/ui/compare.py"/>
        <source>&amp;Year:</source>
        <translation>&amp;Año:</translation>
    </message>
    <message>
        <location filename="../../planner/ui/compare.py"/>
        <source>Pin a scenario as A, B or C to compare it here.</source>
        <translation>Fije un escenario como A, B o C para compararlo aquí.</translation>
    </message>
    <message>
        <location filename="../../planner/ui/compare.py"/>
        <source>Changes are against the baseline (current policy) in {year}.</source>
        <translation>Los cambios son frente a la base (política actual) en {year}.</translation>
    </message>
    <message>
        <location filename="../../planner/ui/compare.py"/>
        <source>{name}: change</source>
        <translation>{name}: cambio</translation>
    </message>
    <message>
        <location filename="../../planner/ui/compare.py"/>
        <source>&amp;Close</source>
        <translation>&amp;Cerrar</translation>
    </message>
    <message>
        <location filename="../../planner/ui/compare.py"/>
        <source>Key numbers of the compared scenarios</source>
        <translation>Cifras clave de los escenarios comparados</translation>
    </message>
    <message>
        <location filename="../../planner/ui/compare.py"/>
        <source>{key}: {name}</source>
        <translation>{key}: {name}</translation>
    </message>
    <message>
        <location filename="../../planner/ui/compare.py"/>
        <source>{change} better</source>
        <translation>{change} mejor</translation>
    </message>
    <message>
        <location filename="../../planner/ui/compare.py"/>
        <source>{change} worse</source>
        <translation>{change} peor</translation>
    </message>
</context>
<context>
    <name>Report</name>
    <message>
        <location filename="../../planner/ui/report.py"/>
        <source>USMCA Scenario Planner — scenario brief</source>
        <translation>Planificador de escenarios T-MEC — resumen del escenario</translation>
    </message>
    <message>
        <location filename="../../planner/ui/report.py"/>
        <source>What this scenario switches on</source>
        <translation>Qué activa este escenario</translation>
    </message>
    <message>
        <location filename="../../planner/ui/report.py"/>
        <source>Key numbers against the baseline</source>
        <translation>Cifras clave frente a la base</translation>
    </message>
    <message>
        <location filename="../../planner/ui/report.py"/>
        <source>Charts</source>
        <translation>Gráficos</translation>
    </message>
    <message>
        <location filename="../../planner/ui/report.py"/>
        <source>Sources</source>
        <translation>Fuentes</translation>
    </message>
    <message>
        <location filename="../../planner/ui/report.py"/>
        <source>Nothing: this is the baseline.</source>
        <translation>Nada: este es el escenario base.</translation>
    </message>
    <message>
        <location filename="../../planner/ui/report.py"/>
        <source>Indicator</source>
        <translation>Indicador</translation>
    </message>
    <message>
        <location filename="../../planner/ui/report.py"/>
        <source>Unit</source>
        <translation>Unidad</translation>
    </message>
    <message>
        <location filename="../../planner/ui/report.py"/>
        <source>Baseline</source>
        <translation>Base</translation>
    </message>
    <message>
        <location filename="../../planner/ui/report.py"/>
        <source>Scenario</source>
        <translation>Escenario</translation>
    </message>
    <message>
        <location filename="../../planner/ui/report.py"/>
        <source>Change</source>
        <translation>Cambio</translation>
    </message>
    <message>
        <location filename="../../planner/ui/report.py"/>
        <source>Pinned scenarios</source>
        <translation>Escenarios fijados</translation>
    </message>
    <message>
        <location filename="../../planner/ui/report.py"/>
        <source>Behind this scenario's levers and shocks</source>
        <translation>Detrás de las palancas y choques de este escenario</translation>
    </message>
    <message>
        <location filename="../../planner/ui/report.py"/>
        <source>Every source of the model database</source>
        <translation>Todas las fuentes de la base de datos del modelo</translation>
    </message>
    <message>
        <location filename="../../planner/ui/report.py"/>
        <source>Lens: {lens} · year shown: {year} · model {version} ({fingerprint}) · {date}</source>
        <translation>Perspectiva: {lens} · año mostrado: {year} · modelo {version} ({fingerprint}) · {date}</translation>
    </message>
    <message>
        <location filename="../../planner/ui/report.py"/>
        <source>on</source>
        <translation>activado</translation>
    </message>
    <message>
        <location filename="../../planner/ui/report.py"/>
        <source>off</source>
        <translation>desactivado</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <location filename="../../planner/ui/export_dialog.py"/>
        <source>Export results</source>
        <translation>Exportar resultados</translation>
    </message>
    <message>
        <location filename="../../planner/ui/export_dialog.py"/>
        <source>PDF brief (*.pdf)</source>
        <translation>Resumen PDF (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../planner/ui/export_dialog.py"/>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Libro de Excel (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../planner/ui/export_dialog.py"/>
        <source>CSV table (*.csv)</source>
        <translation>Tabla CSV (*.csv)</translation>
    </message>
    <message>
        <location filename="../../planner/ui/export_dialog.py"/>
        <source>JSON file (*.json)</source>
        <translation>Archivo JSON (*.json)</translation>
    </message>
</context>
<context>
    <name>Typography</name>
    <message>
        <location filename="../../planner/ui/labels.py"/>
        <source>{label}: {value}</source>
        <translation>{label}: {value}</translation>
    </message>
</context>
</TS>

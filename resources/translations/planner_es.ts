<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es_MX" sourcelanguage="en_US">
    <context>
        <name>App</name>
        <message>
            <source>The planner could not start</source>
            <translation>El planificador no pudo iniciar</translation>
        </message>
        <message>
            <source>The model database could not be loaded</source>
            <translation>No se pudo cargar la base de datos del modelo</translation>
        </message>
        <message>
            <source>a file of that name is in the way</source>
            <translation>hay un archivo con ese nombre en su lugar</translation>
        </message>
        <message>
            <source>Cannot create the autosave folder {path} ({reason}); changes will not be autosaved.</source>
            <translation>No se puede crear la carpeta de guardado automático {path} ({reason}); los cambios no se guardarán automáticamente.</translation>
        </message>
        <message>
            <source>Autosave is off</source>
            <translation>El guardado automático está desactivado</translation>
        </message>
        <message>
            <source>The autosaved copy of {file} from {when} cannot be read.</source>
            <translation>No se puede leer la copia guardada automáticamente de {file} del {when}.</translation>
        </message>
        <message>
            <source>The autosaved copy of an unsaved scenario from {when} cannot be read.</source>
            <translation>No se puede leer la copia guardada automáticamente de un escenario sin guardar del {when}.</translation>
        </message>
        <message>
            <source>It was moved to {path}.</source>
            <translation>Se movió a {path}.</translation>
        </message>
        <message>
            <source>It was kept in {path}.</source>
            <translation>Se conservó en {path}.</translation>
        </message>
        <message>
            <source>Autosaved copy damaged</source>
            <translation>Copia guardada automáticamente dañada</translation>
        </message>
    </context>
    <context>
        <name>Choice</name>
        <message>
            <source>No change</source>
            <translation>Sin cambios</translation>
        </message>
        <message>
            <source>Deepen ties</source>
            <translation>Profundizar lazos</translation>
        </message>
        <message>
            <source>Free-trade agreement</source>
            <translation>Tratado de libre comercio</translation>
        </message>
        <message>
            <source>Extend to 2042</source>
            <translation>Prorrogar hasta 2042</translation>
        </message>
        <message>
            <source>Annual reviews</source>
            <translation>Revisiones anuales</translation>
        </message>
        <message>
            <source>Withdrawal</source>
            <translation>Retiro</translation>
        </message>
    </context>
    <context>
        <name>Dialogs</name>
        <message>
            <source>Opened with warnings</source>
            <translation>Abierto con advertencias</translation>
        </message>
        <message>
            <source>{file} was opened, but note:</source>
            <translation>Se abrió {file}, pero tenga en cuenta:</translation>
        </message>
        <message>
            <source>Cannot open scenario</source>
            <translation>No se puede abrir el escenario</translation>
        </message>
        <message>
            <source>{file} was not opened; the current scenario is unchanged.</source>
            <translation>No se abrió {file}; el escenario actual no cambió.</translation>
        </message>
        <message>
            <source>… and {n} more</source>
            <translation>… y {n} más</translation>
        </message>
        <message>
            <source>Unsaved changes</source>
            <translation>Cambios sin guardar</translation>
        </message>
        <message>
            <source>Save the changes to “{name}”?</source>
            <translation>¿Guardar los cambios en «{name}»?</translation>
        </message>
        <message>
            <source>The planner did not close properly last time.</source>
            <translation>El planificador no se cerró correctamente la última vez.</translation>
        </message>
        <message>
            <source>Recover the unsaved changes to {file} from {when}?</source>
            <translation>¿Recuperar los cambios sin guardar de {file} del {when}?</translation>
        </message>
        <message>
            <source>Recover the unsaved scenario from {when}?</source>
            <translation>¿Recuperar el escenario sin guardar del {when}?</translation>
        </message>
        <message>
            <source>Recover unsaved work</source>
            <translation>Recuperar el trabajo sin guardar</translation>
        </message>
        <message>
            <source>&lt;h3&gt;USMCA Scenario Planner {app}&lt;/h3&gt;&lt;p&gt;Policy levers, partner alignments and shocks for the 2026 USMCA joint review, on a cited partial-equilibrium trade model.&lt;/p&gt;&lt;p&gt;Model version {model}. Every number traces to a source: see Help ▸ Sources.&lt;/p&gt;</source>
            <translation>&lt;h3&gt;Planificador de escenarios T-MEC {app}&lt;/h3&gt;&lt;p&gt;Palancas de política, alineamientos con socios y choques para la revisión conjunta del T-MEC de 2026, sobre un modelo comercial de equilibrio parcial con fuentes citadas.&lt;/p&gt;&lt;p&gt;Versión del modelo {model}. Cada cifra remite a una fuente: vea Ayuda ▸ Fuentes.&lt;/p&gt;</translation>
        </message>
        <message>
            <source>About the planner</source>
            <translation>Acerca del planificador</translation>
        </message>
        <message>
            <source>&amp;Close</source>
            <translation>&amp;Cerrar</translation>
        </message>
        <message>
            <source>Sources</source>
            <translation>Fuentes</translation>
        </message>
        <message>
            <source>Id</source>
            <translation>Id</translation>
        </message>
        <message>
            <source>Kind</source>
            <translation>Tipo</translation>
        </message>
        <message>
            <source>Title</source>
            <translation>Título</translation>
        </message>
        <message>
            <source>Publisher</source>
            <translation>Editor</translation>
        </message>
        <message>
            <source>Year</source>
            <translation>Año</translation>
        </message>
        <message>
            <source>Where</source>
            <translation>Ubicación</translation>
        </message>
    </context>
    <context>
        <name>Lens</name>
        <message>
            <source>US manufacturer</source>
            <translation>Fabricante estadounidense</translation>
        </message>
        <message>
            <source>Mexican SME</source>
            <translation>PyME mexicana</translation>
        </message>
        <message>
            <source>Canadian exporter</source>
            <translation>Exportador canadiense</translation>
        </message>
        <message>
            <source>Policy analyst</source>
            <translation>Analista de políticas</translation>
        </message>
    </context>
    <context>
        <name>EffectUnit</name>
        <message>
            <source>% a week</source>
            <translation>% por semana</translation>
        </message>
        <message>
            <source>share</source>
            <translation>proporción</translation>
        </message>
        <message>
            <source>days</source>
            <translation>días</translation>
        </message>
        <message>
            <source>years</source>
            <translation>años</translation>
        </message>
        <message>
            <source>USD bn</source>
            <translation>miles de millones de USD</translation>
        </message>
        <message>
            <source>USD bn a year</source>
            <translation>miles de millones de USD al año</translation>
        </message>
        <message>
            <source>USD m</source>
            <translation>millones de USD</translation>
        </message>
        <message>
            <source>USD m a year</source>
            <translation>millones de USD al año</translation>
        </message>
        <message>
            <source>elasticity</source>
            <translation>elasticidad</translation>
        </message>
        <message>
            <source>USD of exports per USD of capital</source>
            <translation>USD de exportaciones por USD de capital</translation>
        </message>
        <message>
            <source>USD per USD</source>
            <translation>USD por USD</translation>
        </message>
    </context>
    <context>
        <name>SourceKind</name>
        <message>
            <source>article</source>
            <translation>artículo</translation>
        </message>
        <message>
            <source>assumption</source>
            <translation>supuesto</translation>
        </message>
        <message>
            <source>derived</source>
            <translation>derivado</translation>
        </message>
        <message>
            <source>paper</source>
            <translation>estudio</translation>
        </message>
        <message>
            <source>statistic</source>
            <translation>estadística</translation>
        </message>
    </context>
    <context>
        <name>LeverInfo</name>
        <message>
            <source>Capacity</source>
            <translation>Capacidad</translation>
        </message>
        <message>
            <source>Border delay cut</source>
            <translation>Reducción de la demora en la frontera</translation>
        </message>
        <message>
            <source>Capacity per unit of FDI</source>
            <translation>Capacidad por unidad de IED</translation>
        </message>
        <message>
            <source>Base tax rate</source>
            <translation>Tasa impositiva base</translation>
        </message>
        <message>
            <source>Certification gap</source>
            <translation>Brecha de certificación</translation>
        </message>
        <message>
            <source>Productivity gain</source>
            <translation>Aumento de productividad</translation>
        </message>
        <message>
            <source>Fund</source>
            <translation>Fondo</translation>
        </message>
        <message>
            <source>Exports per unit of capital</source>
            <translation>Exportaciones por unidad de capital</translation>
        </message>
        <message>
            <source>Sanction reduction</source>
            <translation>Reducción de sanciones</translation>
        </message>
        <message>
            <source>Disruption reduction</source>
            <translation>Reducción de interrupciones</translation>
        </message>
        <message>
            <source>Cost premium</source>
            <translation>Sobrecosto</translation>
        </message>
        <message>
            <source>Inventory carrying cost</source>
            <translation>Costo de mantener inventario</translation>
        </message>
        <message>
            <source>Gain in preference use</source>
            <translation>Aumento del uso de preferencias</translation>
        </message>
        <message>
            <source>Compliance cost</source>
            <translation>Costo de cumplimiento</translation>
        </message>
        <message>
            <source>Tariff cut</source>
            <translation>Reducción arancelaria</translation>
        </message>
        <message>
            <source>Trade-cost cut</source>
            <translation>Reducción de costos comerciales</translation>
        </message>
        <message>
            <source>Share of the region covered</source>
            <translation>Parte de la región cubierta</translation>
        </message>
        <message>
            <source>Steel and aluminium content</source>
            <translation>Contenido de acero y aluminio</translation>
        </message>
        <message>
            <source>Dutiable part of USMCA vehicles</source>
            <translation>Parte gravable de los vehículos del T-MEC</translation>
        </message>
        <message>
            <source>Uncertainty cost</source>
            <translation>Costo de la incertidumbre</translation>
        </message>
        <message>
            <source>Preference loss</source>
            <translation>Pérdida de preferencias</translation>
        </message>
        <message>
            <source>Notice period</source>
            <translation>Plazo de preaviso</translation>
        </message>
        <message>
            <source>Capacity loss</source>
            <translation>Pérdida de capacidad</translation>
        </message>
        <message>
            <source>Output loss</source>
            <translation>Pérdida de producción</translation>
        </message>
        <message>
            <source>unverified (article)</source>
            <translation>no verificado (artículo)</translation>
        </message>
        <message>
            <source>What it changes in the model</source>
            <translation>Qué cambia en el modelo</translation>
        </message>
        <message>
            <source>For reference (the model does not use it)</source>
            <translation>Como referencia (el modelo no lo usa)</translation>
        </message>
        <message>
            <source>Sources</source>
            <translation>Fuentes</translation>
        </message>
        <message>
            <source>known only from the seed article; no official or peer-reviewed source confirms it.</source>
            <translation>solo se conoce por el artículo de origen; ninguna fuente oficial o arbitrada lo confirma.</translation>
        </message>
        <message>
            <source>Cost: USD {cost} m</source>
            <translation>Costo: {cost} millones de USD</translation>
        </message>
        <message>
            <source>Sources appear once the model is loaded.</source>
            <translation>Las fuentes aparecen cuando se carga el modelo.</translation>
        </message>
    </context>
    <context>
        <name>LeverPanel</name>
        <message>
            <source>Policy recommendations</source>
            <translation>Recomendaciones de política</translation>
        </message>
        <message>
            <source>Partner alignments</source>
            <translation>Alineamientos con socios</translation>
        </message>
        <message>
            <source>Shocks &amp; review outcome</source>
            <translation>Choques y resultado de la revisión</translation>
        </message>
        <message>
            <source>Switch on {lever}</source>
            <translation>Activar {lever}</translation>
        </message>
        <message>
            <source>Switch off {lever}</source>
            <translation>Desactivar {lever}</translation>
        </message>
        <message>
            <source>Set {param} of {lever}</source>
            <translation>Ajustar {param} de {lever}</translation>
        </message>
        <message>
            <source>Alignment with {partner}: {value}</source>
            <translation>Alineamiento con {partner}: {value}</translation>
        </message>
        <message>
            <source>Known only from the seed article; not confirmed by a source</source>
            <translation>Solo se conoce por el artículo de origen; ninguna fuente lo confirma</translation>
        </message>
        <message>
            <source>Description and sources</source>
            <translation>Descripción y fuentes</translation>
        </message>
        <message>
            <source>About {lever}</source>
            <translation>Acerca de {lever}</translation>
        </message>
        <message>
            <source>Cost: USD {cost} m</source>
            <translation>Costo: {cost} millones de USD</translation>
        </message>
        <message>
            <source>Filter levers (Ctrl+F)</source>
            <translation>Filtrar palancas (Ctrl+F)</translation>
        </message>
        <message>
            <source>No lever matches the filter.</source>
            <translation>Ninguna palanca coincide con el filtro.</translation>
        </message>
        <message>
            <source>{param} — {lever}</source>
            <translation>{param} — {lever}</translation>
        </message>
        <message>
            <source>Filter levers</source>
            <translation>Filtrar palancas</translation>
        </message>
    </context>
    <context>
        <name>MainWindow</name>
        <message>
            <source>&amp;New</source>
            <translation>&amp;Nuevo</translation>
        </message>
        <message>
            <source>&amp;Open…</source>
            <translation>&amp;Abrir…</translation>
        </message>
        <message>
            <source>&amp;Save</source>
            <translation>&amp;Guardar</translation>
        </message>
        <message>
            <source>Save &amp;As…</source>
            <translation>Guardar &amp;como…</translation>
        </message>
        <message>
            <source>&amp;Export…</source>
            <translation>&amp;Exportar…</translation>
        </message>
        <message>
            <source>&amp;Quit</source>
            <translation>&amp;Salir</translation>
        </message>
        <message>
            <source>&amp;Find lever</source>
            <translation>&amp;Buscar palanca</translation>
        </message>
        <message>
            <source>&amp;Bands</source>
            <translation>&amp;Bandas</translation>
        </message>
        <message>
            <source>Show p10–p90 uncertainty bands (Monte Carlo)</source>
            <translation>Mostrar bandas de incertidumbre p10–p90 (Monte Carlo)</translation>
        </message>
        <message>
            <source>Pin the current results as {label} (Ctrl+{n})</source>
            <translation>Fijar los resultados actuales como {label} (Ctrl+{n})</translation>
        </message>
        <message>
            <source>&amp;About</source>
            <translation>&amp;Acerca de</translation>
        </message>
        <message>
            <source>&amp;Sources</source>
            <translation>&amp;Fuentes</translation>
        </message>
        <message>
            <source>&amp;Keyboard shortcuts</source>
            <translation>A&amp;tajos de teclado</translation>
        </message>
        <message>
            <source>&amp;File</source>
            <translation>&amp;Archivo</translation>
        </message>
        <message>
            <source>Open &amp;Recent</source>
            <translation>Abrir &amp;reciente</translation>
        </message>
        <message>
            <source>&amp;Edit</source>
            <translation>&amp;Editar</translation>
        </message>
        <message>
            <source>&amp;View</source>
            <translation>&amp;Ver</translation>
        </message>
        <message>
            <source>&amp;Pin for comparison</source>
            <translation>&amp;Fijar para comparar</translation>
        </message>
        <message>
            <source>&amp;Language</source>
            <translation>&amp;Idioma</translation>
        </message>
        <message>
            <source>&amp;Help</source>
            <translation>A&amp;yuda</translation>
        </message>
        <message>
            <source>Levers</source>
            <translation>Palancas</translation>
        </message>
        <message>
            <source>Indicators</source>
            <translation>Indicadores</translation>
        </message>
        <message>
            <source>Le&amp;vers</source>
            <translation>&amp;Palancas</translation>
        </message>
        <message>
            <source>&amp;Indicators</source>
            <translation>I&amp;ndicadores</translation>
        </message>
        <message>
            <source>Lens:</source>
            <translation>Perspectiva:</translation>
        </message>
        <message>
            <source>&amp;Lens:</source>
            <translation>&amp;Perspectiva:</translation>
        </message>
        <message>
            <source>Export &amp;chart…</source>
            <translation>Exportar grá&amp;fico…</translation>
        </message>
        <message>
            <source>Open a scenario file</source>
            <translation>Abrir un archivo de escenario</translation>
        </message>
        <message>
            <source>Save the scenario</source>
            <translation>Guardar el escenario</translation>
        </message>
        <message>
            <source>Export the focused chart as PNG, SVG or CSV</source>
            <translation>Exportar el gráfico con el foco como PNG, SVG o CSV</translation>
        </message>
        <message>
            <source>Pin the current results as {label}</source>
            <translation>Fijar los resultados actuales como {label}</translation>
        </message>
        <message>
            <source>Stakeholder lens</source>
            <translation>Perspectiva del actor</translation>
        </message>
        <message>
            <source>Scenario name</source>
            <translation>Nombre del escenario</translation>
        </message>
        <message>
            <source>Pin:</source>
            <translation>Fijar:</translation>
        </message>
        <message>
            <source>Language</source>
            <translation>Idioma</translation>
        </message>
        <message>
            <source>Model {version}</source>
            <translation>Modelo {version}</translation>
        </message>
        <message>
            <source>No model loaded</source>
            <translation>Ningún modelo cargado</translation>
        </message>
        <message>
            <source>Uncertainty bands</source>
            <translation>Bandas de incertidumbre</translation>
        </message>
        <message>
            <source>Loading the model…</source>
            <translation>Cargando el modelo…</translation>
        </message>
        <message>
            <source>Building the charts…</source>
            <translation>Construyendo los gráficos…</translation>
        </message>
        <message>
            <source>&amp;Undo</source>
            <translation>&amp;Deshacer</translation>
        </message>
        <message>
            <source>&amp;Redo</source>
            <translation>&amp;Rehacer</translation>
        </message>
        <message>
            <source>&amp;Undo {step}</source>
            <translation>&amp;Deshacer {step}</translation>
        </message>
        <message>
            <source>&amp;Redo {step}</source>
            <translation>&amp;Rehacer {step}</translation>
        </message>
        <message>
            <source>The model database could not be loaded.</source>
            <translation>No se pudo cargar la base de datos del modelo.</translation>
        </message>
        <message>
            <source>The trade model is not available in this build.</source>
            <translation>El modelo comercial no está disponible en esta versión.</translation>
        </message>
        <message>
            <source>No results: the last computation failed.</source>
            <translation>Sin resultados: el último cálculo falló.</translation>
        </message>
        <message>
            <source>The charts are not available in this build.</source>
            <translation>Los gráficos no están disponibles en esta versión.</translation>
        </message>
        <message>
            <source>Computed in {ms} ms</source>
            <translation>Calculado en {ms} ms</translation>
        </message>
        <message>
            <source>Recalled (computed in {ms} ms)</source>
            <translation>Reutilizado (calculado en {ms} ms)</translation>
        </message>
        <message>
            <source>Autosave failed ({message}): save the scenario to keep your changes.</source>
            <translation>Error del guardado automático ({message}): guarde el escenario para conservar sus cambios.</translation>
        </message>
        <message>
            <source>Computation failed: {message}</source>
            <translation>El cálculo falló: {message}</translation>
        </message>
        <message>
            <source>Cannot save</source>
            <translation>No se puede guardar</translation>
        </message>
        <message>
            <source>The scenario was not saved to {file}.</source>
            <translation>El escenario no se guardó en {file}.</translation>
        </message>
        <message>
            <source>Lens: {lens}</source>
            <translation>Perspectiva: {lens}</translation>
        </message>
        <message>
            <source>Rename scenario</source>
            <translation>Renombrar el escenario</translation>
        </message>
        <message>
            <source>Nothing to pin: no results yet.</source>
            <translation>Nada que fijar: aún no hay resultados.</translation>
        </message>
        <message>
            <source>Scenarios (*.usmca.json);;All files (*)</source>
            <translation>Escenarios (*.usmca.json);;Todos los archivos (*)</translation>
        </message>
        <message>
            <source>Open scenario</source>
            <translation>Abrir escenario</translation>
        </message>
        <message>
            <source>Save scenario as</source>
            <translation>Guardar escenario como</translation>
        </message>
        <message>
            <source>Nothing to export: no results yet.</source>
            <translation>Nada que exportar: aún no hay resultados.</translation>
        </message>
        <message>
            <source>Cannot export</source>
            <translation>No se puede exportar</translation>
        </message>
        <message>
            <source>Exported to {file}</source>
            <translation>Exportado a {file}</translation>
        </message>
        <message>
            <source>Save the PDF brief</source>
            <translation>Guardar el resumen PDF</translation>
        </message>
        <message>
            <source>PDF brief (*.pdf)</source>
            <translation>Resumen PDF (*.pdf)</translation>
        </message>
        <message>
            <source>Pin a scenario as A, B or C first (Ctrl+1…3).</source>
            <translation>Primero fije un escenario como A, B o C (Ctrl+1…3).</translation>
        </message>
        <message>
            <source>The results were not exported.</source>
            <translation>No se exportaron los resultados.</translation>
        </message>
        <message>
            <source>PDF &amp;brief…</source>
            <translation>Resumen &amp;PDF…</translation>
        </message>
        <message>
            <source>&amp;Compare pinned…</source>
            <translation>&amp;Comparar fijados…</translation>
        </message>
        <message>
            <source>Export the results as a PDF brief, Excel, CSV or JSON</source>
            <translation>Exportar los resultados como resumen PDF, Excel, CSV o JSON</translation>
        </message>
        <message>
            <source>A PDF brief: scenario, key numbers, charts and sources</source>
            <translation>Un resumen PDF: escenario, cifras clave, gráficos y fuentes</translation>
        </message>
        <message>
            <source>Compare the pinned scenarios side by side</source>
            <translation>Comparar lado a lado los escenarios fijados</translation>
        </message>
    </context>
    <context>
        <name>ParamControl</name>
        <message>
            <source>weeks</source>
            <translation>semanas</translation>
        </message>
        <message>
            <source>none</source>
            <translation>ninguno</translation>
        </message>
    </context>
    <context>
        <name>ScenarioDocument</name>
        <message>
            <source>Baseline (current policy)</source>
            <translation>Escenario base (política actual)</translation>
        </message>
        <message>
            <source>not saved</source>
            <translation>sin guardar</translation>
        </message>
        <message>
            <source>Recovered changes</source>
            <translation>Cambios recuperados</translation>
        </message>
    </context>
    <context>
        <name>ShortcutsDialog</name>
        <message>
            <source>Keyboard shortcuts</source>
            <translation>Atajos de teclado</translation>
        </message>
        <message>
            <source>Action</source>
            <translation>Acción</translation>
        </message>
        <message>
            <source>Keys</source>
            <translation>Teclas</translation>
        </message>
        <message>
            <source>In a chart (click it or Tab to it):</source>
            <translation>En un gráfico (haga clic en él o llegue con Tab):</translation>
        </message>
        <message>
            <source>Left, Right, Home, End</source>
            <translation>Izquierda, Derecha, Inicio, Fin</translation>
        </message>
        <message>
            <source>Read the chart's values one by one</source>
            <translation>Leer los valores del gráfico uno por uno</translation>
        </message>
        <message>
            <source>Up, Down</source>
            <translation>Arriba, Abajo</translation>
        </message>
        <message>
            <source>Move between bars, tiles or timeline lanes</source>
            <translation>Pasar entre barras, mosaicos o carriles del calendario</translation>
        </message>
        <message>
            <source>Esc</source>
            <translation>Esc</translation>
        </message>
        <message>
            <source>Clear the chart's read-out</source>
            <translation>Borrar la lectura del gráfico</translation>
        </message>
        <message>
            <source>Shift+F10, Menu</source>
            <translation>Mayúsculas+F10, Menú</translation>
        </message>
        <message>
            <source>Export the chart as PNG, SVG or CSV</source>
            <translation>Exportar el gráfico como PNG, SVG o CSV</translation>
        </message>
    </context>
    <context>
        <name>Problems</name>
        <message>
            <source> (did you mean {id}?)</source>
            <translation> (¿quiso decir {id}?)</translation>
        </message>
        <message>
            <source>(top level)</source>
            <translation>(nivel superior)</translation>
        </message>
        <message>
            <source>a control character inside a string</source>
            <translation>un carácter de control dentro de una cadena</translation>
        </message>
        <message>
            <source>a finite number</source>
            <translation>un número finito</translation>
        </message>
        <message>
            <source>a key missing or not in double quotes</source>
            <translation>una clave faltante o sin comillas dobles</translation>
        </message>
        <message>
            <source>a list […]</source>
            <translation>una lista […]</translation>
        </message>
        <message>
            <source>a missing ','</source>
            <translation>un signo ',' faltante</translation>
        </message>
        <message>
            <source>a missing ':'</source>
            <translation>un signo ':' faltante</translation>
        </message>
        <message>
            <source>a missing or invalid value</source>
            <translation>un valor faltante o no válido</translation>
        </message>
        <message>
            <source>a model version such as 2024.1</source>
            <translation>una versión del modelo como 2024.1</translation>
        </message>
        <message>
            <source>a number</source>
            <translation>un número</translation>
        </message>
        <message>
            <source>a number from {low} to {high}</source>
            <translation>un número de {low} a {high}</translation>
        </message>
        <message>
            <source>a number ≤ {high}</source>
            <translation>un número ≤ {high}</translation>
        </message>
        <message>
            <source>a number ≥ {low}</source>
            <translation>un número ≥ {low}</translation>
        </message>
        <message>
            <source>a number, true/false or text of at most 100 characters</source>
            <translation>un número, true/false o un texto de 100 caracteres como máximo</translation>
        </message>
        <message>
            <source>a parameter of {id} (valid: {valid})</source>
            <translation>un parámetro de {id} (válidos: {valid})</translation>
        </message>
        <message>
            <source>a policy lever id (valid: {valid})</source>
            <translation>un identificador de palanca de política (válidos: {valid})</translation>
        </message>
        <message>
            <source>a shock id</source>
            <translation>un identificador de choque</translation>
        </message>
        <message>
            <source>a shock id (valid: {valid})</source>
            <translation>un identificador de choque (válidos: {valid})</translation>
        </message>
        <message>
            <source>a stakeholder lens id</source>
            <translation>un identificador de perspectiva del actor</translation>
        </message>
        <message>
            <source>a stakeholder lens id (valid: {valid})</source>
            <translation>un identificador de perspectiva del actor (válidos: {valid})</translation>
        </message>
        <message>
            <source>a value ≤ {le}</source>
            <translation>un valor ≤ {le}</translation>
        </message>
        <message>
            <source>a value ≥ {ge}</source>
            <translation>un valor ≥ {ge}</translation>
        </message>
        <message>
            <source>a very large integer</source>
            <translation>un entero muy grande</translation>
        </message>
        <message>
            <source>a year from {first} to {last}</source>
            <translation>un año de {first} a {last}</translation>
        </message>
        <message>
            <source>a year ≥ start_year ({start})</source>
            <translation>un año ≥ start_year ({start})</translation>
        </message>
        <message>
            <source>an alignment partner id (valid: {valid})</source>
            <translation>un identificador de socio de alineamiento (válidos: {valid})</translation>
        </message>
        <message>
            <source>an integer</source>
            <translation>un entero</translation>
        </message>
        <message>
            <source>an integer from {low} to {high}</source>
            <translation>un entero de {low} a {high}</translation>
        </message>
        <message>
            <source>an integer ≤ {high}</source>
            <translation>un entero ≤ {high}</translation>
        </message>
        <message>
            <source>an integer ≥ {low}</source>
            <translation>un entero ≥ {low}</translation>
        </message>
        <message>
            <source>an object with the fields {fields}</source>
            <translation>un objeto con los campos {fields}</translation>
        </message>
        <message>
            <source>an object with the fields {fields}; {required} required</source>
            <translation>un objeto con los campos {fields}; obligatorios: {required}</translation>
        </message>
        <message>
            <source>an object {{"enabled": true or false, "&lt;parameter&gt;": value, …}}</source>
            <translation>un objeto {{"enabled": true o false, "&lt;parámetro&gt;": valor, …}}</translation>
        </message>
        <message>
            <source>an object {{"id": shock id, "&lt;parameter&gt;": value, …}}</source>
            <translation>un objeto {{"id": identificador de choque, "&lt;parámetro&gt;": valor, …}}</translation>
        </message>
        <message>
            <source>an object {{…}}</source>
            <translation>un objeto {{…}}</translation>
        </message>
        <message>
            <source>an unterminated string</source>
            <translation>una cadena sin cerrar</translation>
        </message>
        <message>
            <source>at most {max_length} entries</source>
            <translation>como máximo {max_length} entradas</translation>
        </message>
        <message>
            <source>each shock at most once</source>
            <translation>cada choque una vez como máximo</translation>
        </message>
        <message>
            <source>expected a dotted parameter path such as elasticities.autos.substitution, found {found}</source>
            <translation>se esperaba una ruta de parámetro con puntos como elasticities.autos.substitution, se encontró {found}</translation>
        </message>
        <message>
            <source>expected a model number such as elasticities.autos.substitution, found an unknown key{hint}</source>
            <translation>se esperaba un número del modelo como elasticities.autos.substitution, se encontró una clave desconocida{hint}</translation>
        </message>
        <message>
            <source>expected a number the engine computes with, found a reference-only parameter (kept with its source for reference; no result depends on it)</source>
            <translation>se esperaba un número con el que calcule el motor, se encontró un parámetro solo de referencia (se conserva con su fuente como referencia; ningún resultado depende de él)</translation>
        </message>
        <message>
            <source>expected one of the fields {fields}, found unknown field {found}</source>
            <translation>se esperaba uno de los campos {fields}, se encontró el campo desconocido {found}</translation>
        </message>
        <message>
            <source>expected start ≤ end, found start {start} after end {end}</source>
            <translation>se esperaba start ≤ end, se encontró start {start} posterior a end {end}</translation>
        </message>
        <message>
            <source>expected {expected}, found nothing</source>
            <translation>se esperaba {expected}, pero no hay ningún valor</translation>
        </message>
        <message>
            <source>expected {expected}, found nothing (the field is missing)</source>
            <translation>se esperaba {expected}, pero falta el campo</translation>
        </message>
        <message>
            <source>expected {expected}, found {found}</source>
            <translation>se esperaba {expected}, se encontró {found}</translation>
        </message>
        <message>
            <source>file: expected JSON numbers of normal size, found a huge one</source>
            <translation>archivo: se esperaban números JSON de tamaño normal, se encontró uno enorme</translation>
        </message>
        <message>
            <source>file: expected JSON of a few levels, found deep nesting</source>
            <translation>archivo: se esperaba JSON de pocos niveles, se encontró un anidamiento profundo</translation>
        </message>
        <message>
            <source>file: expected JSON, found {found} at line {line}, column {column}</source>
            <translation>archivo: se esperaba JSON, se encontró {found} en la línea {line}, columna {column}</translation>
        </message>
        <message>
            <source>file: expected UTF-8 text, found byte 0x{byte} on line {line} (re-save the file as UTF-8)</source>
            <translation>archivo: se esperaba texto UTF-8, se encontró el byte 0x{byte} en la línea {line} (vuelva a guardar el archivo como UTF-8)</translation>
        </message>
        <message>
            <source>file: expected a JSON object {{…}} at the top level, found {found}</source>
            <translation>archivo: se esperaba un objeto JSON {{…}} en el nivel superior, se encontró {found}</translation>
        </message>
        <message>
            <source>file: expected a readable file, found {reason}</source>
            <translation>archivo: se esperaba un archivo legible, error: {reason}</translation>
        </message>
        <message>
            <source>file: expected a regular file, found a folder or special file</source>
            <translation>archivo: se esperaba un archivo normal, se encontró una carpeta o un archivo especial</translation>
        </message>
        <message>
            <source>file: expected a scenario file at {path}, found nothing</source>
            <translation>archivo: se esperaba un archivo de escenario en {path}, pero no existe</translation>
        </message>
        <message>
            <source>file: expected at most 1 MB ({limit} bytes), found {size} bytes</source>
            <translation>archivo: se esperaba como máximo 1 MB ({limit} bytes), se encontraron {size} bytes</translation>
        </message>
        <message>
            <source>file: expected text UTF-8 can encode, found an unpaired surrogate</source>
            <translation>archivo: se esperaba texto codificable en UTF-8, se encontró un sustituto (surrogate) sin pareja</translation>
        </message>
        <message>
            <source>file: expected to save {path}, found {reason}</source>
            <translation>archivo: no se pudo guardar {path}: {reason}</translation>
        </message>
        <message>
            <source>file: the file is empty</source>
            <translation>archivo: el archivo está vacío</translation>
        </message>
        <message>
            <source>format: expected "{format}", found nothing (is this a USMCA planner scenario file?)</source>
            <translation>format: se esperaba "{format}", pero falta (¿es un archivo de escenario del planificador T-MEC?)</translation>
        </message>
        <message>
            <source>format: expected "{format}", found {found} (is this a USMCA planner scenario file?)</source>
            <translation>format: se esperaba "{format}", se encontró {found} (¿es un archivo de escenario del planificador T-MEC?)</translation>
        </message>
        <message>
            <source>model.fingerprint: expected {expected} (the model in use), found {found}: the scenario was saved with other model data, so its results may differ from when it was saved</source>
            <translation>model.fingerprint: se esperaba {expected} (el modelo en uso), se encontró {found}: el escenario se guardó con otros datos del modelo, así que sus resultados pueden diferir de los que tenía al guardarse</translation>
        </message>
        <message>
            <source>model.version: expected {expected} (the model in use), found {found}: the scenario was made with another model version, so its results may differ from when it was saved</source>
            <translation>model.version: se esperaba {expected} (el modelo en uso), se encontró {found}: el escenario se creó con otra versión del modelo, así que sus resultados pueden diferir de los que tenía al guardarse</translation>
        </message>
        <message>
            <source>more after the end of the JSON</source>
            <translation>más contenido después del final del JSON</translation>
        </message>
        <message>
            <source>one of {choices}</source>
            <translation>uno de {choices}</translation>
        </message>
        <message>
            <source>only "enabled" ({id} is an on/off switch without parameters)</source>
            <translation>solo "enabled" ({id} es un interruptor de encendido y apagado sin parámetros)</translation>
        </message>
        <message>
            <source>text (a JSON string)</source>
            <translation>texto (una cadena JSON)</translation>
        </message>
        <message>
            <source>text matching {pattern}</source>
            <translation>un texto que coincida con {pattern}</translation>
        </message>
        <message>
            <source>text of at least {min_length} character(s)</source>
            <translation>un texto de al menos {min_length} carácter(es)</translation>
        </message>
        <message>
            <source>text of at most {max_length} characters</source>
            <translation>un texto de {max_length} caracteres como máximo</translation>
        </message>
        <message>
            <source>the model fingerprint "sha256:…" or ""</source>
            <translation>la huella del modelo "sha256:…" o ""</translation>
        </message>
        <message>
            <source>the scenario's name, text of 1 to 200 characters</source>
            <translation>el nombre del escenario, un texto de 1 a 200 caracteres</translation>
        </message>
        <message>
            <source>true or false</source>
            <translation>true o false</translation>
        </message>
        <message>
            <source>unknown alignment partner {found}{hint}</source>
            <translation>un socio de alineamiento desconocido {found}{hint}</translation>
        </message>
        <message>
            <source>unknown parameter {name}</source>
            <translation>un parámetro desconocido {name}</translation>
        </message>
        <message>
            <source>unknown policy lever {found}{hint}</source>
            <translation>una palanca de política desconocida {found}{hint}</translation>
        </message>
        <message>
            <source>unknown shock {found}{hint}</source>
            <translation>un choque desconocido {found}{hint}</translation>
        </message>
        <message>
            <source>unknown stakeholder lens {found}{hint}</source>
            <translation>una perspectiva del actor desconocida {found}{hint}</translation>
        </message>
        <message>
            <source>version: expected {current}, found {version}; the file was upgraded on load and will be saved as version {current}</source>
            <translation>version: se esperaba {current}, se encontró {version}; el archivo se actualizó al abrirlo y se guardará como versión {current}</translation>
        </message>
        <message>
            <source>version: expected {versions} (the versions this planner reads), found {version}: the file comes from a newer planner; update to open it</source>
            <translation>version: se esperaba {versions} (las versiones que lee este planificador), se encontró {version}: el archivo proviene de un planificador más reciente; actualice el planificador para abrirlo</translation>
        </message>
        <message>
            <source>version: expected {versions}, found nothing</source>
            <translation>version: se esperaba {versions}, pero falta</translation>
        </message>
        <message>
            <source>version: expected {versions}, found {found}</source>
            <translation>version: se esperaba {versions}, se encontró {found}</translation>
        </message>
        <message>
            <source>{expected} (required)</source>
            <translation>{expected} (obligatorio)</translation>
        </message>
        <message>
            <source>{first} or {second}</source>
            <translation>{first} o {second}</translation>
        </message>
        <message>
            <source>{hint}; {id} belongs under "{home}"</source>
            <translation>{hint}; {id} pertenece a "{home}"</translation>
        </message>
        <message>
            <source>{id} again (first at shocks[{first}])</source>
            <translation>{id} de nuevo (la primera vez en shocks[{first}])</translation>
        </message>
        <message>
            <source>{path}: expected Unicode text, found an unpaired surrogate escape</source>
            <translation>{path}: se esperaba texto Unicode, se encontró un escape de sustituto (surrogate) sin pareja</translation>
        </message>
        <message>
            <source>{path}: expected a finite number, found {value} (JSON has no NaN or Infinity)</source>
            <translation>{path}: se esperaba un número finito, se encontró {value} (JSON no admite NaN ni Infinity)</translation>
        </message>
        <message>
            <source>{path}: expected at most {depth} levels of nesting, found more</source>
            <translation>{path}: se esperaban como máximo {depth} niveles de anidamiento, se encontraron más</translation>
        </message>
        <message>
            <source>{path}: expected each key once, found {key} {times} times</source>
            <translation>{path}: se esperaba cada clave una sola vez, se encontró {key} {times} veces</translation>
        </message>
        <message>
            <source>{path}: {message}</source>
            <translation>{path}: {message}</translation>
        </message>
        <message>
            <source>a finite number ≥ 0</source>
            <translation>un número finito ≥ 0</translation>
        </message>
        <message>
            <source>a number &lt; 0 (import demand falls as its price rises)</source>
            <translation>un número &lt; 0 (la demanda de importaciones baja cuando sube su precio)</translation>
        </message>
        <message>
            <source>a number ≥ 0 (a substitution elasticity)</source>
            <translation>un número ≥ 0 (una elasticidad de sustitución)</translation>
        </message>
        <message>
            <source>a number &gt; 0 (export supply rises with its price)</source>
            <translation>un número &gt; 0 (la oferta exportadora sube con su precio)</translation>
        </message>
        <message>
            <source>{where} column {column}: expected {expected}, found {found}</source>
            <translation>{where} columna {column}: se esperaba {expected}, se encontró {found}</translation>
        </message>
        <message>
            <source>table {table} row ({keys})</source>
            <translation>tabla {table} fila ({keys})</translation>
        </message>
        <message>
            <source>{file} line {line}</source>
            <translation>{file} línea {line}</translation>
        </message>
        <message>
            <source>it is not a folder</source>
            <translation>no es una carpeta</translation>
        </message>
        <message>
            <source>{folder}: cannot use as the data folder ({reason}); set PLANNER_DATA_DIR to a writable folder</source>
            <translation>{folder}: no se puede usar como carpeta de datos ({reason}); defina PLANNER_DATA_DIR con una carpeta en la que se pueda escribir</translation>
        </message>
        <message>
            <source>{path}: the model database is damaged ({what}); rebuild it with {command}</source>
            <translation>{path}: la base de datos del modelo está dañada ({what}); reconstrúyala con {command}</translation>
        </message>
        <message>
            <source>{path}: expected the model database file, found a folder (move or remove it)</source>
            <translation>{path}: se esperaba el archivo de la base de datos del modelo, se encontró una carpeta (muévala o elimínela)</translation>
        </message>
        <message>
            <source>{path}: cannot write the model database ({reason})</source>
            <translation>{path}: no se puede escribir la base de datos del modelo ({reason})</translation>
        </message>
        <message>
            <source>{journal}: a leftover rollback journal stops the model database {path} from opening; it could not be removed: {reason}; remove it (once no other program has the database open)</source>
            <translation>{journal}: un diario de reversión (rollback journal) sobrante impide abrir la base de datos del modelo {path}; no se pudo eliminar: {reason}; elimínelo (cuando ningún otro programa tenga abierta la base de datos)</translation>
        </message>
        <message>
            <source>{journal}: a leftover rollback journal stops the model database {path} from opening; remove it (once no other program has the database open)</source>
            <translation>{journal}: un diario de reversión (rollback journal) sobrante impide abrir la base de datos del modelo {path}; elimínelo (cuando ningún otro programa tenga abierta la base de datos)</translation>
        </message>
        <message>
            <source>a whole number</source>
            <translation>un número entero</translation>
        </message>
        <message>
            <source>text</source>
            <translation>texto</translation>
        </message>
        <message>
            <source>a value</source>
            <translation>un valor</translation>
        </message>
        <message>
            <source>at least {minimum}</source>
            <translation>al menos {minimum}</translation>
        </message>
        <message>
            <source>at most {maximum}</source>
            <translation>como máximo {maximum}</translation>
        </message>
        <message>
            <source>table {table} row {row} column {column}: expected {expected}, found {found}</source>
            <translation>tabla {table} fila {row} columna {column}: se esperaba {expected}, se encontró {found}</translation>
        </message>
        <message>
            <source>table regions: expected a row {region}, found none</source>
            <translation>tabla regions: se esperaba una fila {region}, no se encontró ninguna</translation>
        </message>
        <message>
            <source>table meta key base_year: expected a year, found {found}</source>
            <translation>tabla meta clave base_year: se esperaba un año, se encontró {found}</translation>
        </message>
        <message>
            <source>{problem}, and {more} more problem</source>
            <translation>{problem}, y {more} problema más</translation>
        </message>
        <message>
            <source>{problem}, and {more} more problems</source>
            <translation>{problem}, y {more} problemas más</translation>
        </message>
        <message>
            <source>{path}: expected a model database, found no such file</source>
            <translation>{path}: se esperaba una base de datos del modelo, pero el archivo no existe</translation>
        </message>
        <message>
            <source>{path}: expected a model database, found {reason}</source>
            <translation>{path}: se esperaba una base de datos del modelo, error: {reason}</translation>
        </message>
        <message>
            <source>{path}: expected a model database file, found a folder</source>
            <translation>{path}: se esperaba un archivo de base de datos del modelo, se encontró una carpeta</translation>
        </message>
        <message>
            <source>{path}: cannot read the model database ({reason})</source>
            <translation>{path}: no se puede leer la base de datos del modelo ({reason})</translation>
        </message>
        <message>
            <source>{file} line {line} column {column}</source>
            <translation>{file} línea {line} columna {column}</translation>
        </message>
        <message>
            <source>{file} column {column}</source>
            <translation>{file} columna {column}</translation>
        </message>
        <message>
            <source>{folder}: expected a folder of seed CSV files, found no such folder</source>
            <translation>{folder}: se esperaba una carpeta de archivos CSV semilla, pero la carpeta no existe</translation>
        </message>
        <message>
            <source>{file}: expected the seed file of table {table}, found no such file</source>
            <translation>{file}: se esperaba el archivo semilla de la tabla {table}, pero el archivo no existe</translation>
        </message>
        <message>
            <source>{file}: expected UTF-8 text, found a byte that is not ({reason})</source>
            <translation>{file}: se esperaba texto UTF-8, se encontró un byte que no lo es ({reason})</translation>
        </message>
        <message>
            <source>{file} line {line}: expected a header row, found an empty file</source>
            <translation>{file} línea {line}: se esperaba una fila de encabezado, se encontró un archivo vacío</translation>
        </message>
        <message>
            <source>{file} line {line}: expected a CSV header row, found {reason}</source>
            <translation>{file} línea {line}: se esperaba una fila de encabezado CSV, error: {reason}</translation>
        </message>
        <message>
            <source>{where}: expected this column in the header, found it missing</source>
            <translation>{where}: se esperaba esta columna en el encabezado, pero falta</translation>
        </message>
        <message>
            <source>{where}: expected only the columns {columns}, found this extra column</source>
            <translation>{where}: se esperaban solo las columnas {columns}, se encontró esta columna de más</translation>
        </message>
        <message>
            <source>(blank)</source>
            <translation>(en blanco)</translation>
        </message>
        <message>
            <source>{where}: expected each column once, found it repeated</source>
            <translation>{where}: se esperaba cada columna una sola vez, se encontró repetida</translation>
        </message>
        <message>
            <source>{file} line {line}: expected a CSV row, found {reason}</source>
            <translation>{file} línea {line}: se esperaba una fila CSV, error: {reason}</translation>
        </message>
        <message>
            <source>{file} line {line}: expected {width} cells, found {count}</source>
            <translation>{file} línea {line}: se esperaban {width} celdas, se encontraron {count}</translation>
        </message>
        <message>
            <source>{where}: expected a value, found an empty cell</source>
            <translation>{where}: se esperaba un valor, se encontró una celda vacía</translation>
        </message>
        <message>
            <source>{where}: {problem}</source>
            <translation>{where}: {problem}</translation>
        </message>
        <message>
            <source>{where}: expected a unique ({columns}), found {key} again (first on line {first})</source>
            <translation>{where}: se esperaba un valor único de ({columns}), se encontró {key} de nuevo (la primera vez en la línea {first})</translation>
        </message>
        <message>
            <source>{where}: expected an id from {file}, found {found}</source>
            <translation>{where}: se esperaba un identificador de {file}, se encontró {found}</translation>
        </message>
        <message>
            <source>{where}: expected a row for region {region}, found none</source>
            <translation>{where}: se esperaba una fila para la región {region}, no se encontró ninguna</translation>
        </message>
        <message>
            <source>{where}: expected a {kind} row for sector {sector}, found none</source>
            <translation>{where}: se esperaba una fila {kind} para el sector {sector}, no se encontró ninguna</translation>
        </message>
        <message>
            <source>{where}: expected the shares of sector {sector} to sum to 1, found {total}</source>
            <translation>{where}: se esperaba que las participaciones del sector {sector} sumaran 1, suman {total}</translation>
        </message>
        <message>
            <source>{where}: expected values separated by ';', found none</source>
            <translation>{where}: se esperaban valores separados por ';', no se encontró ninguno</translation>
        </message>
        <message>
            <source>{where}: expected an alignment choice among {choices} including none, found {found}</source>
            <translation>{where}: se esperaba una opción de alineamiento entre {choices} que incluya none, se encontró {found}</translation>
        </message>
        <message>
            <source>{where}: expected a 'value' row for alignment {lever}, found none</source>
            <translation>{where}: se esperaba una fila 'value' para el alineamiento {lever}, no se encontró ninguna</translation>
        </message>
        <message>
            <source>one of the choices</source>
            <translation>una de las opciones</translation>
        </message>
        <message>
            <source>at least the minimum {minimum}</source>
            <translation>al menos el mínimo {minimum}</translation>
        </message>
        <message>
            <source>at most the maximum {maximum}</source>
            <translation>a lo sumo el máximo {maximum}</translation>
        </message>
    </context>
</TS>

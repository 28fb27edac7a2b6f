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
</TS>

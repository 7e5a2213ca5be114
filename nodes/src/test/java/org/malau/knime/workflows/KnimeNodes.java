package org.malau.knime.workflows;

import java.util.List;

import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.NodeSettings;
import org.knime.core.node.NodeSettingsWO;
import org.knime.core.node.port.PortType;
import org.knime.core.node.port.flowvariable.FlowVariablePortObject;

/**
 * KNIME's own nodes used in the example workflows: factory class, bundle, ports, and their model settings in the
 * format their node models save (keys, types and order read from the sources of KNIME Analytics Platform 5.3.0, see
 * {@link #SOURCES}). These nodes cannot run here, so their settings are written from those sources; the tests check
 * the factory names against this list and the connections against the ports.
 */
final class KnimeNodes {
    /** Where the facts below were read (repository, tag or commit). */
    static final String KNIME_BASE = "knime/knime-base@analytics-platform/5.3.0 (72909eda4cc768d71f3661171ab9cc50cc9cbfb1)";

    static final String KNIME_FILEHANDLING_CORE = "knime/knime-filehandling-core@analytics-platform/5.3.0";

    private static final String BASE_BUNDLE = "org.knime.base";

    private static final String FILEHANDLING_BUNDLE = "org.knime.filehandling.utility.nodes";

    private static final PortType TABLE = BufferedDataTable.TYPE;

    private static final PortType VARIABLE = FlowVariablePortObject.TYPE;

    private static final PortType OPTIONAL_VARIABLE = FlowVariablePortObject.TYPE_OPTIONAL;

    private KnimeNodes() {
    }

    /**
     * A KNIME node type as a saved workflow records it.
     *
     * @param factory the node factory's class name
     * @param name the node's name (node-name)
     * @param kind the node type its description gives (Source, Manipulator, LoopStart, ...), for the picture
     * @param bundle symbolic name of the bundle holding the factory
     * @param bundleName that bundle's Bundle-Name
     * @param source the factory's source file in {@link #KNIME_BASE}
     * @param in input port types, without the implicit flow variable port 0
     * @param out output port types, without the implicit flow variable port 0
     * @param portGroups port group names of a configurable node (its {@code node_creation_config}), null otherwise
     */
    record Type(String factory, String name, String kind, String bundle, String bundleName, String source, List<PortType> in,
        List<PortType> out, List<String> portGroups) {
    }

    static final Type VARIABLE_CREATOR = new Type("org.knime.base.node.io.variablecreator.VariableCreatorNodeFactory",
        "Variable Creator", "Source", BASE_BUNDLE, "KNIME Base Nodes",
        "org.knime.base/src/org/knime/base/node/io/variablecreator/VariableCreatorNodeFactory.java", List.of(),
        List.of(VARIABLE), null);

    static final Type CREATE_PATH_VARIABLES = new Type(
        "org.knime.filehandling.utility.nodes.createpaths.CreatePathVariablesNodeFactory", "Create File/Folder Variables", "Other",
        FILEHANDLING_BUNDLE, "KNIME Filehandling Nodes",
        "org.knime.filehandling.utility.nodes/src/org/knime/filehandling/utility/nodes/createpaths/"
            + "CreatePathVariablesNodeFactory.java",
        List.of(OPTIONAL_VARIABLE), List.of(VARIABLE),
        List.of("File System Connection", "Variable Input Port", "Variable Output Port"));

    static final Type LIST_FILES = new Type(
        "org.knime.filehandling.utility.nodes.listpaths.ListFilesAndFoldersNodeFactory", "List Files/Folders", "Source",
        FILEHANDLING_BUNDLE, "KNIME Filehandling Nodes",
        "org.knime.filehandling.utility.nodes/src/org/knime/filehandling/utility/nodes/listpaths/"
            + "ListFilesAndFoldersNodeFactory.java",
        List.of(), List.of(TABLE), List.of("File System Connection", "table"));

    static final Type PATH_TO_STRING = new Type(
        "org.knime.filehandling.utility.nodes.pathtostring.PathToStringNodeFactory", "Path to String", "Manipulator",
        FILEHANDLING_BUNDLE, "KNIME Filehandling Nodes",
        "org.knime.filehandling.utility.nodes/src/org/knime/filehandling/utility/nodes/pathtostring/"
            + "PathToStringNodeFactory.java",
        List.of(TABLE), List.of(TABLE), null);

    static final Type GROUP_BY = new Type("org.knime.base.node.preproc.groupby.GroupByNodeFactory", "GroupBy", "Manipulator",
        BASE_BUNDLE, "KNIME Base Nodes", "org.knime.base/src/org/knime/base/node/preproc/groupby/GroupByNodeFactory.java",
        List.of(TABLE), List.of(TABLE), null);

    static final Type X_PARTITIONER = new Type("org.knime.base.node.meta.xvalidation.XValidatePartitionerFactory",
        "X-Partitioner", "LoopStart", BASE_BUNDLE, "KNIME Base Nodes",
        "org.knime.base/src/org/knime/base/node/meta/xvalidation/XValidatePartitionerFactory.java", List.of(TABLE),
        List.of(TABLE, TABLE), null);

    static final Type REFERENCE_ROW_FILTER = new Type(
        "org.knime.base.node.preproc.filter.rowref.RowFilterRefNodeFactory", "Reference Row Filter", "Manipulator", BASE_BUNDLE,
        "KNIME Base Nodes", "org.knime.base/src/org/knime/base/node/preproc/filter/rowref/RowFilterRefNodeFactory.java",
        List.of(TABLE, TABLE), List.of(TABLE), null);

    static final Type LOOP_END = new Type("org.knime.base.node.meta.looper.LoopEndDynamicNodeFactory", "Loop End", "LoopEnd",
        BASE_BUNDLE, "KNIME Base Nodes", "org.knime.base/src/org/knime/base/node/meta/looper/LoopEndDynamicNodeFactory.java",
        List.of(TABLE), List.of(TABLE), List.of("Collector"));

    /** Every KNIME node type the example workflows may use; the tests accept no other KNIME factory. */
    static final List<Type> ALL = List.of(VARIABLE_CREATOR, CREATE_PATH_VARIABLES, LIST_FILES, PATH_TO_STRING,
        GROUP_BY, X_PARTITIONER, REFERENCE_ROW_FILTER, LOOP_END);

    // ---- model settings, as each node model's saveSettingsTo writes them ------------------------------------------

    /** {@code SettingsModel.saveSettingsTo}: the {@code <key>_Internals} config comes first. */
    private static void internals(final NodeSettingsWO s, final String key, final String modelId) {
        final NodeSettingsWO i = s.addNodeSettings(key + "_Internals");
        i.addString("SettingsModelID", modelId);
        i.addBoolean("EnabledStatus", true);
    }

    /** Variable Creator ({@code SettingsModelVariables}): string variables with their values. */
    static void variableCreator(final NodeSettings model, final String[] names, final String[] values) {
        internals(model, "variableCreationTable", "SMITID_variables");
        final NodeSettingsWO t = model.addNodeSettings("variables");
        t.addStringArray("supportedTypes", "str", "int", "long", "double", "bool");
        final String[] types = new String[names.length];
        java.util.Arrays.fill(types, "str");
        t.addStringArray("types", types);
        t.addStringArray("names", names);
        t.addStringArray("values", values);
    }

    /**
     * The location part of a file chooser ({@code FileSystemConfiguration.save}): internal settings of every
     * convenience file system, then the path. Here always relative to the workflow's data area.
     */
    private static void fileSystemRelativeToWorkflowData(final NodeSettingsWO chooser, final String path,
        final boolean overwrittenByVariable, final boolean customUrl) {
        final NodeSettingsWO i = chooser.addNodeSettings("file_system_chooser__Internals");
        i.addBoolean("has_fs_port", false);
        i.addBoolean("overwritten_by_variable", overwrittenByVariable);
        i.addString("convenience_fs_category", "RELATIVE");
        // one entry per convenience file system, in FSCategory order: RELATIVE, MOUNTPOINT, HUB_SPACE, CUSTOM_URL,
        // CONNECTED (LOCAL saves nothing)
        i.addString("relative_to", "knime.workflow.data");
        i.addString("mountpoint", "LOCAL");
        i.addString("spaceId", "");
        i.addString("spaceName", "");
        if (customUrl) {
            i.addInt("custom_url_timeout", 1000);
        }
        i.addBoolean("connected_fs", true);
        final NodeSettingsWO p = chooser.addNodeSettings("path");
        p.addBoolean("location_present", true);
        p.addString("file_system_type", "RELATIVE");
        p.addString("file_system_specifier", "knime.workflow.data");
        p.addString("path", path);
    }

    /**
     * Create File/Folder Variables: a base folder (the workflow's data area) and one path variable per name, its
     * value relative to the base folder.
     */
    static void createPathVariables(final NodeSettings model, final String[] names, final String[] paths) {
        internals(model, "base_folder", "SMID_CreatorFileChooser");
        final NodeSettingsWO base = model.addNodeSettings("base_folder");
        fileSystemRelativeToWorkflowData(base, ".", false, true);
        // a single filter mode (FOLDER) without filter options: only the internals are saved
        internals(base, "filter_mode", "SMID_FilterMode");
        final NodeSettingsWO v = model.addNodeSettings("file_folder_variables");
        v.addStringArray("variable_names", names);
        v.addStringArray("path_values", paths);
        final String[] extensions = new String[names.length];
        java.util.Arrays.fill(extensions, "");
        v.addStringArray("file_extensions", extensions);
    }

    /**
     * List Files/Folders: the files (not folders, not subfolders) of a folder in the workflow's data area whose
     * extension is one of {@code extensions} ({@code ;}-separated), the folder usually set by a path variable.
     */
    static void listFiles(final NodeSettings model, final String folder, final String extensions,
        final boolean folderFromVariable) {
        model.addBoolean("add_folder_identifier_column", false);
        model.addBoolean("include_root_folder", false);
        internals(model, "file_chooser", "SMID_ReaderFileChooser");
        final NodeSettingsWO chooser = model.addNodeSettings("file_chooser");
        fileSystemRelativeToWorkflowData(chooser, folder, folderFromVariable, false);
        internals(chooser, "filter_mode", "SMID_FilterMode");
        final NodeSettingsWO mode = chooser.addNodeSettings("filter_mode");
        mode.addString("filter_mode", "FILES_IN_FOLDERS");
        mode.addBoolean("include_subfolders", false);
        final NodeSettingsWO o = mode.addNodeSettings("filter_options");
        o.addBoolean("filter_files_extension", true);
        o.addString("files_extension_expression", extensions);
        o.addBoolean("files_extension_case_sensitive", false);
        o.addBoolean("filter_files_name", false);
        o.addString("files_name_expression", "*");
        o.addBoolean("files_name_case_sensitive", false);
        o.addString("files_name_filter_type", "WILDCARD");
        o.addBoolean("include_hidden_files", false);
        o.addBoolean("include_special_files", true);
        o.addBoolean("filter_folders_name", false);
        o.addString("folders_name_expression", "*");
        o.addBoolean("folders_name_case_sensitive", false);
        o.addString("folders_name_filter_type", "WILDCARD");
        o.addBoolean("include_hidden_folders", false);
        o.addBoolean("follow_links", true);
    }

    /** Path to String: appends a string column with the path as a KNIME URL (knime://knime.workflow/data/...). */
    static void pathToString(final NodeSettings model, final String pathColumn, final String newColumn) {
        internals(model, "selected_column_name", "SMID_string");
        model.addString("selected_column_name", pathColumn);
        internals(model, "generated_column_mode", "SMID_string");
        model.addString("generated_column_mode", "APPEND_NEW");
        internals(model, "appended_column_name", "SMID_string");
        model.addString("appended_column_name", newColumn);
        internals(model, "create_knime_url", "SMID_boolean");
        model.addBoolean("create_knime_url", true);
    }

    /** An aggregation of GroupBy: a column, its type's cell class, and the method id (e.g. {@code Mean_V4.6}). */
    record Aggregation(String column, String cellClass, String method) {
    }

    /**
     * GroupBy: one row per distinct combination of the group columns, with the given aggregations; column names
     * policy "Keep original name(s)".
     */
    static void groupBy(final NodeSettings model, final List<String> groupColumns,
        final List<Aggregation> aggregations) {
        internals(model, "grouByColumns", "SMID_filterString");
        final NodeSettingsWO g = model.addNodeSettings("grouByColumns");
        g.addStringArray("InclList", groupColumns.toArray(new String[0]));
        g.addStringArray("ExclList");
        g.addBoolean("keep_all_columns_selected", false);
        internals(model, "maxNoneNumericalVals", "SMID_integer");
        model.addInt("maxNoneNumericalVals", 10000);
        internals(model, "enableHilite", "SMID_boolean");
        model.addBoolean("enableHilite", false);
        internals(model, "sortInMemory", "SMID_boolean");
        model.addBoolean("sortInMemory", false);
        // ColumnAggregator.saveColumnAggregators
        final NodeSettings a = (NodeSettings)model.addNodeSettings("aggregationColumn");
        a.addStringArray("columnNames", aggregations.stream().map(Aggregation::column).toArray(String[]::new));
        final NodeSettingsWO types = a.addNodeSettings("columnTypes");
        types.addInt("array-size", aggregations.size());
        for (int i = 0; i < aggregations.size(); i++) {
            final NodeSettingsWO t = types.addNodeSettings(Integer.toString(i));
            t.addString("cell_class", aggregations.get(i).cellClass());
            t.addBoolean("is_null", false);
        }
        a.addStringArray("aggregationMethod", aggregations.stream().map(Aggregation::method).toArray(String[]::new));
        a.addBooleanArray("inclMissingVals", new boolean[aggregations.size()]);
        model.addNodeSettings("aggregationOperatorSettings");
        model.addNodeSettings("patternAggregators");
        model.addNodeSettings("dataTypeAggregators");
        internals(model, "columnNamePolicy", "SMID_string");
        model.addString("columnNamePolicy", "Keep original name(s)");
        internals(model, "retainOrder", "SMID_boolean");
        model.addBoolean("retainOrder", true);
        internals(model, "inMemory", "SMID_boolean");
        model.addBoolean("inMemory", false);
        internals(model, "valueDelimiter", "SMID_string");
        model.addString("valueDelimiter", ", ");
        internals(model, "nodeVersion", "SMID_integer");
        model.addInt("nodeVersion", 1);
        model.addByte("typeMatch", (byte)0);
    }

    /** X-Partitioner: {@code folds} linear partitions of the shuffled rows, shuffled with a fixed seed. */
    static void xPartitioner(final NodeSettings model, final int folds, final long seed) {
        model.addShort("validations", (short)folds);
        model.addBoolean("randomSampling", true);
        model.addBoolean("leaveOneOut", false);
        model.addBoolean("stratifiedSampling", false);
        model.addString("classColumn", null);
        model.addBoolean("useRandomSeed", true);
        model.addLong("randomSeed", seed);
    }

    /** Reference Row Filter: keeps the rows whose {@code dataColumn} value is in the reference's column. */
    static void referenceRowFilter(final NodeSettings model, final String dataColumn, final String referenceColumn) {
        internals(model, "inexclude", "SMID_string");
        model.addString("inexclude", "Include rows from reference table");
        internals(model, "dataTableColumn", "SMID_string");
        final NodeSettingsWO d = model.addNodeSettings("dataTableColumn");
        d.addBoolean("useRowID", false);
        d.addString("columnName", dataColumn);
        internals(model, "referenceTableColumn", "SMID_string");
        final NodeSettingsWO r = model.addNodeSettings("referenceTableColumn");
        r.addBoolean("useRowID", false);
        r.addString("columnName", referenceColumn);
        internals(model, "updateDomains", "SMID_boolean");
        model.addBoolean("updateDomains", false);
    }

    /** Loop End: concatenates the tables of all iterations and adds the iteration number as a column. */
    static void loopEnd(final NodeSettings model) {
        model.addBoolean("addIterationColumn", true);
        model.addString("rowKeyPolicy", "APPEND_SUFFIX");
        model.addBoolean("propagateLoopVariables", false);
        model.addBooleanArray("ignoreEmptyTables", true);
        model.addBooleanArray("tolerateColumnTypes", false);
        model.addBooleanArray("tolerateChangingSpecs", false);
    }
}

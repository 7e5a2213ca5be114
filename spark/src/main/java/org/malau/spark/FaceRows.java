package org.malau.spark;

import java.util.ArrayList;
import java.util.List;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.malau.data.AuLabels;
import org.malau.face.AlignedFace;
import org.malau.model.FacePrediction;
import org.malau.model.ModelHeader;

/**
 * The output table: one row per face, and one per image without a face (status {@code NO_FACE} or
 * {@code UNREADABLE}, the face's columns null). The AU and expression columns are named as {@code ./mal predict}
 * names them ({@code AU12_prob}, {@code AU12}, {@code expression}, {@code p_<class>}); the face's as in
 * {@code alignment.csv}.
 */
final class FaceRows {
    static final String SOURCE = "source";
    static final String FACE_INDEX = "face_index";
    static final String STATUS = "status";
    static final String MESSAGE = "message";
    private static final String[] GEOMETRY = {"box_x", "box_y", "box_w", "box_h", "eye_left_x", "eye_left_y", "eye_right_x",
        "eye_right_y", "roll_deg"};

    private final int aus;
    private final int classes;
    private final StructType schema;

    FaceRows(ModelHeader header) {
        aus = header.auCodes().length;
        classes = header.predictsExpressions() ? header.expressionClasses().size() : 0;
        List<StructField> f = new ArrayList<>();
        f.add(DataTypes.createStructField(SOURCE, DataTypes.StringType, false));
        f.add(DataTypes.createStructField(FACE_INDEX, DataTypes.IntegerType, true));
        f.add(DataTypes.createStructField(STATUS, DataTypes.StringType, false));
        f.add(DataTypes.createStructField(MESSAGE, DataTypes.StringType, true));
        for (String g : GEOMETRY) {
            f.add(DataTypes.createStructField(g, DataTypes.DoubleType, true));
        }
        for (int c : header.auCodes()) {
            f.add(DataTypes.createStructField(AuLabels.columnName(c) + "_prob", DataTypes.FloatType, true));
        }
        for (int c : header.auCodes()) {
            f.add(DataTypes.createStructField(AuLabels.columnName(c), DataTypes.IntegerType, true));
        }
        if (classes > 0) {
            f.add(DataTypes.createStructField("expression", DataTypes.StringType, true));
            for (String c : header.expressionClasses()) {
                f.add(DataTypes.createStructField("p_" + c, DataTypes.FloatType, true));
            }
        }
        schema = DataTypes.createStructType(f);
    }

    StructType schema() {
        return schema;
    }

    /** A row without prediction: an image that is unreadable or has no face, or a crop that cannot be read. */
    Row status(String source, String status, String message) {
        Object[] v = new Object[schema.size()];
        v[0] = source;
        v[2] = status;
        v[3] = message == null || message.isEmpty() ? null : message;
        return RowFactory.create(v);
    }

    /**
     * A predicted face; {@code face} is null in {@code predict} mode (crops: no geometry, no face index).
     *
     * @param classNames the model's expression classes, for the label
     */
    Row face(String source, AlignedFace face, String status, String message, FacePrediction p, List<String> classNames) {
        Object[] v = new Object[schema.size()];
        v[0] = source;
        v[2] = status;
        v[3] = message == null || message.isEmpty() ? null : message;
        int k = 4;
        if (face != null) {
            v[1] = face.faceIndex();
            Object[] g = {face.box().x(), face.box().y(), face.box().width(), face.box().height(), face.eyes().left().x(),
                face.eyes().left().y(), face.eyes().right().x(), face.eyes().right().y(), face.rollDegrees()};
            System.arraycopy(g, 0, v, k, g.length);
        }
        k += GEOMETRY.length;
        for (int j = 0; j < aus; j++) {
            v[k++] = p.auProbabilities()[j];
        }
        for (int j = 0; j < aus; j++) {
            v[k++] = (int) p.auPresent()[j];
        }
        if (classes > 0) {
            v[k++] = classNames.get(p.expression());
            for (int j = 0; j < classes; j++) {
                v[k++] = p.expressionProbabilities()[j];
            }
        }
        return RowFactory.create(v);
    }
}

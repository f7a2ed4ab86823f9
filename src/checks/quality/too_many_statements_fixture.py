# fixture: PLR0915


def short():
    a = 1
    return a


def long_function(rows):  # expect: PLR0915:5
    value_0 = 0
    value_1 = 1
    value_2 = 2
    value_3 = 3
    value_4 = 4
    value_5 = 5
    value_6 = 6
    value_7 = 7
    value_8 = 8
    value_9 = 9
    value_10 = 10
    value_11 = 11
    value_12 = 12
    value_13 = 13
    value_14 = 14
    value_15 = 15
    value_16 = 16
    value_17 = 17
    value_18 = 18
    value_19 = 19
    value_20 = 20
    value_21 = 21
    value_22 = 22
    value_23 = 23
    value_24 = 24
    value_25 = 25
    value_26 = 26
    value_27 = 27
    value_28 = 28
    value_29 = 29
    value_30 = 30
    value_31 = 31
    value_32 = 32
    value_33 = 33
    value_34 = 34
    value_35 = 35
    value_36 = 36
    value_37 = 37
    value_38 = 38
    value_39 = 39
    value_40 = 40
    value_41 = 41
    value_42 = 42
    value_43 = 43
    value_44 = 44
    try:
        pass
    except ValueError:
        pass
    finally:
        pass
    return rows


def exactly_fifty():
    v0 = 0
    v1 = 1
    v2 = 2
    v3 = 3
    v4 = 4
    v5 = 5
    v6 = 6
    v7 = 7
    v8 = 8
    v9 = 9
    v10 = 10
    v11 = 11
    v12 = 12
    v13 = 13
    v14 = 14
    v15 = 15
    v16 = 16
    v17 = 17
    v18 = 18
    v19 = 19
    v20 = 20
    v21 = 21
    v22 = 22
    v23 = 23
    v24 = 24
    v25 = 25
    v26 = 26
    v27 = 27
    v28 = 28
    v29 = 29
    v30 = 30
    v31 = 31
    v32 = 32
    v33 = 33
    v34 = 34
    v35 = 35
    v36 = 36
    v37 = 37
    v38 = 38
    v39 = 39
    v40 = 40
    v41 = 41
    v42 = 42
    v43 = 43
    v44 = 44
    v45 = 45
    v46 = 46
    v47 = 47
    v48 = 48
    v49 = 49
    return v0


/* caiji-texts.h: the seed's prompts and button labels, one place for all */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Every prompt and button the capture flow shows.  The English msgids
 * live in caiji-texts.c; po/zh_CN.po carries the seed's exact wording. */
typedef enum {
  /* buttons */
  CAIJI_TEXT_CONFIRM,                 /* 确认 */
  CAIJI_TEXT_REQUEST_CORRECTION,      /* 申请复核 */
  CAIJI_TEXT_START_CAPTURE,           /* 我已知晓,开始采集 */
  CAIJI_TEXT_PREVIOUS,                /* 上一步 */
  CAIJI_TEXT_NEXT,                    /* 下一步 */
  CAIJI_TEXT_HOME,                    /* 首页 */
  CAIJI_TEXT_BACK_HOME,               /* 回到首页 */
  CAIJI_TEXT_TAP_TO_UPLOAD,           /* 点击上传 */
  CAIJI_TEXT_UPLOAD_ID_PHOTO,         /* 上传个人证件照 */
  CAIJI_TEXT_UPLOAD_AGAIN,            /* 重新上传 */
  CAIJI_TEXT_RETRY_RECOGNITION,       /* 重新识别 */
  CAIJI_TEXT_START_RECOGNITION,       /* 开始识别 */
  CAIJI_TEXT_PHOTO_FOR_REVIEW,        /* 拍照审核 */
  CAIJI_TEXT_RETAKE,                  /* 重拍 */
  CAIJI_TEXT_SUBMIT_FOR_REVIEW,       /* 提交审核 */
  /* titles */
  CAIJI_TEXT_PHOTO_CAPTURE,           /* 照片采集 */
  CAIJI_TEXT_STEP_CARD,               /* 证件识别 */
  CAIJI_TEXT_STEP_PHOTO,              /* 照片识别 */
  CAIJI_TEXT_STEP_FACE,               /* 人脸识别 */
  CAIJI_TEXT_STUDENT_INFO_REVIEW,     /* 学生信息复核 */
  CAIJI_TEXT_NOTES,                   /* 注意事项 */
  CAIJI_TEXT_KIND_TIPS,               /* 温馨提示 */
  CAIJI_TEXT_SHOOTING_TIPS,           /* 拍摄须知 */
  CAIJI_TEXT_ID_PHOTO,                /* 个人证件照 */
  CAIJI_TEXT_FACE_PHOTO,              /* 人脸照片 */
  /* step 1 prompts */
  CAIJI_TEXT_FRONT_MISSING,           /* 请先上传身份证人像面 */
  CAIJI_TEXT_BACK_MISSING,            /* 请先上传身份证国徽面 */
  CAIJI_TEXT_FRONT_REFUSED,           /* 请上传身份证人像面 */
  CAIJI_TEXT_BACK_REFUSED,            /* 请上传身份证国徽面 */
  CAIJI_TEXT_CARD_AUTOFILL_HINT,      /* 上传证件照片后自动识别生成 */
  CAIJI_TEXT_CARD_MISMATCH,
  CAIJI_TEXT_CARD_UNREADABLE,
  CAIJI_TEXT_CORRECTION_NOTE_MISSING,
  /* step 1 live tips */
  CAIJI_TEXT_TIP_STANDARD,            /* 标准 */
  CAIJI_TEXT_TIP_BORDER_MISSING,      /* 边框缺失 */
  CAIJI_TEXT_TIP_BLURRY,              /* 照片模糊 */
  CAIJI_TEXT_TIP_GLARE,               /* 闪光强烈 */
  /* step 2 */
  CAIJI_TEXT_PHOTO_MISSING,           /* 请先上传证件照 */
  CAIJI_TEXT_NO_FACE,                 /* 未识别到人脸 */
  CAIJI_TEXT_SEVERAL_FACES,
  /* step 3 */
  CAIJI_TEXT_FACE_DETECTED,           /* 检测人脸图像如图 */
  CAIJI_TEXT_FACE_PASSED,             /* 识别通过,完成照片采集 */
  CAIJI_TEXT_FACE_FAILED,             /* 人脸识别不通过 */
  CAIJI_TEXT_FACE_MATCHING,
  CAIJI_TEXT_FACE_MATCHER_UNAVAILABLE,
  CAIJI_TEXT_FACE_CAPTURING,
  CAIJI_TEXT_REVIEW_PHOTO_SHOWN,      /* 人脸采集照片如图 */
  CAIJI_TEXT_TIP_GLASSES,             /* 带眼镜 */
  CAIJI_TEXT_TIP_HAT,                 /* 戴帽子 */
  CAIJI_TEXT_TIP_TOO_DARK,            /* 光线太暗 */
  /* payment gating, per record status */
  CAIJI_TEXT_PAYMENT_AFTER_APPROVAL,  /* 报名审核通过后,才能进行网上缴费,请注意状态提示。 */
  CAIJI_TEXT_PAYMENT_REJECTED,        /* 报名信息审核不通过的考生不能进行网上缴费。 */
  CAIJI_TEXT_PAYMENT_OPEN,
  CAIJI_TEXT_N_TEXTS
} CaijiText;

const char *caiji_text         (CaijiText text);
const char *caiji_text_msgid   (CaijiText text);

G_END_DECLS

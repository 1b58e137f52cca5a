// The nine elements (unsur) of the public-satisfaction survey and the regulation's questionnaire
// wording (Permenpan RB No. 14 Tahun 2017, its annex). Pure and edge-safe: the settings form, the
// questionnaire and the report share it. The unit may reword a question or a level and turn an
// element off ("tidak dinilai"); lib/dal/skm.ts keeps those choices versioned per period.

export const SKM_ELEMENT_CODES = ["u1", "u2", "u3", "u4", "u5", "u6", "u7", "u8", "u9"] as const;
export type SkmElementCode = (typeof SKM_ELEMENT_CODES)[number];

export type SkmWording = { question: string; levels: [string, string, string, string] };
export type SkmElementSetting = { code: SkmElementCode; enabled: boolean; id: SkmWording; en: SkmWording };

/**
 * The regulation lists the elements as: persyaratan; sistem, mekanisme dan prosedur; waktu
 * penyelesaian; biaya/tarif; produk spesifikasi jenis pelayanan; kompetensi pelaksana; perilaku
 * pelaksana; penanganan pengaduan, saran dan masukan; sarana dan prasarana. Levels run 1 → 4.
 */
export const DEFAULT_SKM_ELEMENTS: readonly SkmElementSetting[] = [
  {
    code: "u1",
    enabled: true,
    id: { question: "Bagaimana pendapat Saudara tentang kesesuaian persyaratan pelayanan dengan jenis pelayanannya?", levels: ["Tidak sesuai", "Kurang sesuai", "Sesuai", "Sangat sesuai"] },
    en: { question: "How well did the service's requirements match the kind of service?", levels: ["Not appropriate", "Less appropriate", "Appropriate", "Very appropriate"] },
  },
  {
    code: "u2",
    enabled: true,
    id: { question: "Bagaimana pemahaman Saudara tentang kemudahan prosedur pelayanan di unit ini?", levels: ["Tidak mudah", "Kurang mudah", "Mudah", "Sangat mudah"] },
    en: { question: "How easy was this unit's service procedure?", levels: ["Not easy", "Less easy", "Easy", "Very easy"] },
  },
  {
    code: "u3",
    enabled: true,
    id: { question: "Bagaimana pendapat Saudara tentang kecepatan waktu dalam memberikan pelayanan?", levels: ["Tidak cepat", "Kurang cepat", "Cepat", "Sangat cepat"] },
    en: { question: "How fast was the service delivered?", levels: ["Not fast", "Less fast", "Fast", "Very fast"] },
  },
  {
    code: "u4",
    enabled: true,
    id: { question: "Bagaimana pendapat Saudara tentang kewajaran biaya/tarif dalam pelayanan?", levels: ["Sangat mahal", "Cukup mahal", "Murah", "Gratis"] },
    en: { question: "How fair was the cost or fee of the service?", levels: ["Very expensive", "Fairly expensive", "Cheap", "Free"] },
  },
  {
    code: "u5",
    enabled: true,
    id: { question: "Bagaimana pendapat Saudara tentang kesesuaian produk pelayanan antara yang tercantum dalam standar pelayanan dengan hasil yang diberikan?", levels: ["Tidak sesuai", "Kurang sesuai", "Sesuai", "Sangat sesuai"] },
    en: { question: "How well did the result match what the service standard promises?", levels: ["Not appropriate", "Less appropriate", "Appropriate", "Very appropriate"] },
  },
  {
    code: "u6",
    enabled: true,
    id: { question: "Bagaimana pendapat Saudara tentang kompetensi/kemampuan petugas dalam pelayanan?", levels: ["Tidak kompeten", "Kurang kompeten", "Kompeten", "Sangat kompeten"] },
    en: { question: "How competent were the officers who served you?", levels: ["Not competent", "Less competent", "Competent", "Very competent"] },
  },
  {
    code: "u7",
    enabled: true,
    id: { question: "Bagaimana pendapat Saudara tentang perilaku petugas dalam pelayanan terkait kesopanan dan keramahan?", levels: ["Tidak sopan dan ramah", "Kurang sopan dan ramah", "Sopan dan ramah", "Sangat sopan dan ramah"] },
    en: { question: "How courteous and friendly were the officers?", levels: ["Not courteous and friendly", "Less courteous and friendly", "Courteous and friendly", "Very courteous and friendly"] },
  },
  {
    code: "u8",
    enabled: true,
    id: { question: "Bagaimana pendapat Saudara tentang penanganan pengaduan pengguna layanan?", levels: ["Tidak ada", "Ada tetapi tidak berfungsi", "Berfungsi kurang maksimal", "Dikelola dengan baik"] },
    en: { question: "How are complaints from service users handled?", levels: ["There is none", "There is one but it does not work", "It works, not fully", "Well managed"] },
  },
  {
    code: "u9",
    enabled: true,
    id: { question: "Bagaimana pendapat Saudara tentang kualitas sarana dan prasarana?", levels: ["Buruk", "Cukup", "Baik", "Sangat baik"] },
    en: { question: "How good are the facilities and infrastructure?", levels: ["Poor", "Fair", "Good", "Very good"] },
  },
];

/** The answer columns of a response row, in element order. */
export const SKM_ANSWER_COLUMNS = SKM_ELEMENT_CODES;
